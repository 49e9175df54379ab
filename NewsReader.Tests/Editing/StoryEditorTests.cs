using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NewsReader.Editing;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

/// <summary>
/// The story editor page rendered by bUnit with MudBlazor, against the real editing services on a
/// temporary SQLite database, signed in as an editor. The browser half (js/story-editor.js) is not
/// here: the body arrives through <see cref="EditStory.BodyChanged"/>, as the script sends it.
/// </summary>
public sealed partial class StoryEditorTests : EditorPageContext
{
    /// <summary>Saves go to a real database; on a busy machine that takes longer than bUnit's one-second default.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private StoryEditing Editor => StoryEditing.From(Scope.ServiceProvider);

    private static string ValueOf(IRenderedComponent<EditStory> editor, string id) =>
        editor.Find($"#{id}").GetAttribute("value") ?? "";

    private static IElement Button(IRenderedComponent<EditStory> editor, string text) =>
        editor.FindAll("button").First(b => b.TextContent.Trim() == text);

    private static Task TypeBodyAsync(IRenderedComponent<EditStory> editor, string body) =>
        editor.InvokeAsync(() => editor.Instance.BodyChanged(body));

    private async Task<int> StoryCountAsync()
    {
        await using var db = await Site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.Stories.CountAsync();
    }

    [Fact]
    public void TheSlugFollowsTheTitleUntilItIsEditedByHand()
    {
        var editor = Render<EditStory>();

        editor.Find("#story-title").Input("Tram line 4 opens, at last!");
        editor.WaitForAssertion(() => Assert.Equal("tram-line-4-opens-at-last", ValueOf(editor, "story-slug")), Wait);

        editor.Find("#story-slug").Input("tram-4");
        editor.Find("#story-title").Input("Tram line 4 opens today");

        editor.WaitForAssertion(() => Assert.Equal("tram-4", ValueOf(editor, "story-slug")), Wait);
        Assert.Contains("Address: /articles/tram-4", editor.Markup);
    }

    [Fact]
    public void AnEmptiedSlugFollowsTheTitleAgain()
    {
        var editor = Render<EditStory>();
        editor.Find("#story-title").Input("First title");
        editor.Find("#story-slug").Input("by-hand");

        editor.Find("#story-slug").Input("");
        editor.Find("#story-title").Input("Second title");

        editor.WaitForAssertion(() => Assert.Equal("second-title", ValueOf(editor, "story-slug")), Wait);
    }

    [Fact]
    public void AHandTypedSlugIsNormalisedWhenTheFieldIsLeft()
    {
        var editor = Render<EditStory>();
        editor.Find("#story-title").Input("Title");

        editor.Find("#story-slug").Input("  Ça Va, Tram Line 4!! ");
        editor.Find("#story-slug").Blur();

        editor.WaitForAssertion(() => Assert.Equal("ca-va-tram-line-4", ValueOf(editor, "story-slug")), Wait);
    }

    [Fact]
    public async Task SavingWithoutATitleSaysSoAndSavesNothing()
    {
        var editor = Render<EditStory>();
        await TypeBodyAsync(editor, "A body without a title.");

        Button(editor, "Save draft").Click();

        editor.WaitForAssertion(() => Assert.Contains("Title is required.", editor.Markup), Wait);
        Assert.Contains("Nothing was saved", editor.Find(".form-message").TextContent);
        Assert.Equal(0, await StoryCountAsync());
    }

    [Fact]
    public void ATitleOver300CharactersIsReportedAtTheField()
    {
        var editor = Render<EditStory>();

        editor.Find("#story-title").Input(new string('a', 301));

        Assert.Contains("Title must be at most 300 characters.", editor.Markup);
    }

    [Fact]
    public void ABadImageUrlIsReportedAtTheField()
    {
        var editor = Render<EditStory>();

        editor.Find("#story-lead-image").Input("javascript:alert(1)");

        Assert.Contains("Lead image must be an http or https URL", editor.Markup);
    }

    [Fact]
    public async Task ABodyOver1MBIsReportedAndNotSaved()
    {
        var editor = Render<EditStory>();
        editor.Find("#story-title").Input("Too long");

        await TypeBodyAsync(editor, new string('a', 1024 * 1024 + 1));
        Button(editor, "Save draft").Click();

        editor.WaitForAssertion(() => Assert.Contains("Body must be at most 1 MB.", editor.Find("#story-body-help").TextContent), Wait);
        Assert.Equal("true", editor.Find("#story-body").GetAttribute("aria-invalid"));
        Assert.Equal(0, await StoryCountAsync());
    }

    [Fact]
    public async Task TheBrowserReportingAnOversizedBodyBlocksSaving()
    {
        var editor = Render<EditStory>();
        editor.Find("#story-title").Input("Too long");

        await editor.InvokeAsync(() => editor.Instance.BodyTooLong(3 * 1024 * 1024));
        Button(editor, "Save draft").Click();

        editor.WaitForAssertion(() => Assert.Contains("Body must be at most 1 MB (it is 3.0 MB).", editor.Markup), Wait);
        Assert.Equal(0, await StoryCountAsync());
    }

    [Fact]
    public async Task ThePreviewRendersMarkdownThroughTheSafePipeline()
    {
        var editor = Render<EditStory>();

        await TypeBodyAsync(editor, """
            ## A heading

            Some **bold** words and a [link](https://example.org).

            <script>alert(1)</script> [bad](javascript:alert(1)) <img src=x onerror="alert(2)">
            """);

        var preview = editor.Find(".preview-body");
        Assert.Equal("A heading", preview.QuerySelector("h2")?.TextContent);
        Assert.Equal("bold", preview.QuerySelector("strong")?.TextContent);
        Assert.Equal("https://example.org", preview.QuerySelector("p a")?.GetAttribute("href"));
        Assert.Null(preview.QuerySelector("script"));
        Assert.Null(preview.QuerySelector("img[onerror]"));
        Assert.DoesNotContain(preview.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheReadTimeFollowsTheTitleAndBody()
    {
        var editor = Render<EditStory>();
        editor.Find("#story-title").Input("Two words");

        await TypeBodyAsync(editor, string.Join(" ", Enumerable.Repeat("word", 398)));

        var readTime = editor.Find(".editor-preview time.read-time");
        Assert.Equal("Read time: 2 minutes", readTime.TextContent);
        Assert.Equal("PT2M", readTime.GetAttribute("datetime"));
        Assert.Contains("(400 words)", editor.Find(".word-count").TextContent);

        await TypeBodyAsync(editor, string.Join(" ", Enumerable.Repeat("word", 98)));
        Assert.Equal("Read time: 30 seconds", editor.Find(".editor-preview time.read-time").TextContent);
    }

    [Fact]
    public async Task SaveDraftCreatesTheStoryAndListsItsRevision()
    {
        var editor = Render<EditStory>();
        editor.Find("#story-title").Input("Night buses return");
        editor.Find("#story-categories").Input("City,  Transport");
        await TypeBodyAsync(editor, "From Friday the **N4** runs again.");

        Button(editor, "Save draft").Click();

        editor.WaitForAssertion(() => Assert.Contains("Saved at", editor.Find(".save-state").TextContent), Wait);
        var story = Assert.Single((await Editor.List.ListAsync(new StoryQuery(), default)).Rows);
        Assert.Equal(("Night buses return", StoryStatus.Draft), (story.Title, story.Status));
        editor.WaitForAssertion(() => Assert.Equal("City, Transport", ValueOf(editor, "story-categories")), Wait);
        var revision = editor.Find(".revision-table tbody tr");
        Assert.Contains("Ana Ferreira", revision.TextContent);
        Assert.Contains("Saved draft", revision.TextContent);
    }

    [Fact]
    public async Task PublishingShowsThePublishedState()
    {
        var editor = Render<EditStory>();
        editor.Find("#story-title").Input("Night buses return");
        await TypeBodyAsync(editor, "Body.");

        Button(editor, "Publish").Click();

        editor.WaitForAssertion(() => Assert.Equal("Published", editor.Find(".story-status").TextContent.Trim()), Wait);
        Assert.Contains("Unpublish", editor.FindAll("button").Select(b => b.TextContent.Trim()));
        Assert.Contains("Save changes", editor.FindAll("button").Select(b => b.TextContent.Trim()));
        Assert.Equal(StoryStatus.Published, (await Editor.List.ListAsync(new StoryQuery(), default)).Rows[0].Status);
    }

    [Fact]
    public async Task ASlugAnotherStoryUsesIsReportedBeforeSaving()
    {
        Assert.IsType<SaveResult.Saved>(await Editor.Saver.CreateAsync(new StoryDraft("Market opens", "market-opens"), default));
        var editor = Render<EditStory>();

        editor.Find("#story-title").Input("Market opens");

        editor.WaitForAssertion(() => Assert.Contains("is already used by the story \"Market opens\"", editor.Markup), Wait);
    }

    [Fact]
    public async Task ASaveAfterSomeoneElseSavedShowsTheConflictAndKeepsMyText()
    {
        var created = Assert.IsType<SaveResult.Saved>(
            await Editor.Saver.CreateAsync(new StoryDraft("Harbour plan", Body: "Original body."), default)).Story;
        var editor = Render<EditStory>(p => p.Add(e => e.Id, created.Id));
        await using (var other = await Site.SignedInScopeAsync("ben@example.org", displayName: "Ben Okafor"))
        {
            var ben = StoryEditing.From(other.ServiceProvider);
            Assert.IsType<SaveResult.Saved>(await ben.Saver.SaveDraftAsync(created.Id, created.Version,
                new StoryDraft("Harbour plan", Body: "Ben's **rewrite**."), default));
        }
        await TypeBodyAsync(editor, "My own careful words.");

        Button(editor, "Save draft").Click();

        editor.WaitForAssertion(() => Assert.Contains("This story was changed by Ben Okafor", editor.Find(".conflict").TextContent), Wait);
        editor.WaitForAssertion(() => Assert.Equal("Harbour plan", ValueOf(editor, "story-title")), Wait);
        Assert.Contains("My own careful words.", editor.Find(".preview-body").TextContent);
        Button(editor, "Show their version").Click();
        Assert.Equal("rewrite", editor.Find(".their-version strong").TextContent);
        Assert.Equal("Ben's **rewrite**.", (await Editor.Saver.GetAsync(created.Id, default))!.Draft.Body);

        Button(editor, "Overwrite with my version").Click();

        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll(".conflict")), Wait);
        Assert.Equal("My own careful words.", (await Editor.Saver.GetAsync(created.Id, default))!.Draft.Body);
    }

    [Fact]
    public async Task ARevisionCanBeViewedAndRestoredIntoTheEditor()
    {
        var first = Assert.IsType<SaveResult.Saved>(await Editor.Saver.CreateAsync(new StoryDraft("Revisions", Body: "The *first* body."), default)).Story;
        Assert.IsType<SaveResult.Saved>(await Editor.Saver.SaveDraftAsync(first.Id, first.Version, new StoryDraft("Revisions", Body: "The second body."), default));
        var editor = Render<EditStory>(p => p.Add(e => e.Id, first.Id));

        editor.FindAll(".revision-table tbody tr")[1].QuerySelectorAll("button").First(b => b.TextContent.Trim() == "View").Click();
        editor.WaitForAssertion(() => Assert.Equal("first", editor.Find(".revision-view em").TextContent), Wait);
        editor.Find(".revision-view").QuerySelectorAll("button").First(b => b.TextContent.Trim() == "Restore this revision").Click();

        editor.WaitForAssertion(() => Assert.Equal("The *first* body.", editor.Find("#story-body").GetAttribute("value")), Wait);
        Assert.Equal("first", editor.Find(".preview-body em").TextContent);
    }

    [Fact]
    public async Task DeleteAsksForConfirmationFirst()
    {
        var created = Assert.IsType<SaveResult.Saved>(await Editor.Saver.CreateAsync(new StoryDraft("Doomed story", Body: "Body."), default)).Story;
        var dialogs = Render<MudDialogProvider>();
        var editor = Render<EditStory>(p => p.Add(e => e.Id, created.Id));

        Button(editor, "Delete").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete this story?", dialogs.Markup), Wait);
        Assert.NotNull(await Editor.Saver.GetAsync(created.Id, default));
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Delete").Click();

        editor.WaitForAssertion(() => Assert.EndsWith("/admin/articles", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri), Wait);
        Assert.Null(await Editor.Saver.GetAsync(created.Id, default));
    }
}
