using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using NewsReader.Accounts;
using NewsReader.Editing;
using NewsReader.Review;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Review;

/// <summary>The editors' side of review as bUnit renders it: the queue, the send-back dialog, the editor's Send back.</summary>
public sealed class ReviewComponentTests : EditorPageContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private StoryEditing Editor => StoryEditing.From(Scope.ServiceProvider);

    private async Task<StoryEdit> SubmitAsync(string contributorEmail, string name, string title)
    {
        await using var scope = await Site.SignedInScopeAsync(contributorEmail, Roles.Contributor, name);
        var saver = scope.ServiceProvider.GetRequiredService<StorySaver>();
        return Assert.IsType<SaveResult.Saved>(await saver.SaveAsync(
            null, null, new StoryDraft(title, Body: "Body."), PublishAction.SubmitForReview, null, default)).Story;
    }

    [Fact]
    public async Task TheQueueShowsTitleContributorAndSubmissionOldestFirst()
    {
        var first = await SubmitAsync("cora@example.org", "Cora Contributor", "Tide tables for the summer");
        await SubmitAsync("colm@example.org", "Colm Contributor", "Pier lights repaired");

        var page = Render<ReviewQueuePage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".review-table tbody tr").Count), Wait);
        var rows = page.FindAll(".review-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["Tide tables for the summer", "Cora Contributor"], rows[0].Take(2));
        Assert.Equal(["Pier lights repaired", "Colm Contributor"], rows[1].Take(2));
        Assert.Equal($"/admin/articles/{first.Id}", page.Find(".review-table tbody tr a").GetAttribute("href"));
        Assert.NotNull(page.Find(".review-table tbody tr time").GetAttribute("datetime"));
    }

    [Fact]
    public void AnEmptyQueueSaysSo()
    {
        var page = Render<ReviewQueuePage>();

        page.WaitForAssertion(() => Assert.Contains("Nothing waits for review.", page.Markup), Wait);
    }

    [Fact]
    public async Task TheSendBackDialogWantsANoteAndClosesWithIt()
    {
        var dialogs = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        var reference = await dialogs.InvokeAsync(() => service.ShowAsync<SendBackDialog>("Send back"));
        dialogs.WaitForAssertion(() => Assert.Contains("Send back to the contributor", dialogs.Markup), Wait);

        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Send back").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(ReviewDesk.NoteRequired, dialogs.Markup), Wait);
        Assert.False(reference.Result.IsCompleted);

        dialogs.Find("#send-back-note").Input("  Check the ferry times with the operator.  ");
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Send back").Click();

        var result = await reference.Result.WaitAsync(Wait);
        Assert.False(result!.Canceled);
        Assert.Equal("Check the ferry times with the operator.", result.Data);
    }

    [Fact]
    public async Task AnEditorSendsAStoryInReviewBackFromTheEditor()
    {
        var submitted = await SubmitAsync("cora@example.org", "Cora Contributor", "Rowing club centenary");
        var dialogs = Render<MudDialogProvider>();
        var editor = Render<EditStory>(p => p.Add(e => e.Id, submitted.Id));
        editor.WaitForAssertion(() => Assert.Equal("In review", editor.Find(".story-status").TextContent.Trim()), Wait);
        Assert.Contains("Publish", editor.FindAll("button").Select(b => b.TextContent.Trim()));
        Assert.Contains("Schedule", editor.FindAll("button").Select(b => b.TextContent.Trim()));

        editor.FindAll("button").First(b => b.TextContent.Trim() == "Send back").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#send-back-note"), Wait);
        dialogs.Find("#send-back-note").Input("Name the club's founder.");
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Send back").Click();

        editor.WaitForAssertion(() => Assert.Equal("Draft", editor.Find(".story-status").TextContent.Trim()), Wait);
        var stored = await Editor.Saver.GetAsync(submitted.Id, default);
        Assert.Equal((StoryStatus.Draft, "Name the club's founder."), (stored!.Status, stored.ReviewNote));
        editor.WaitForAssertion(() => Assert.Contains("Name the club's founder.", editor.Find(".review-note-banner").TextContent), Wait);
    }
}

/// <summary>The story editor as a contributor sees it: their draft, the note it came back with, read-only while in review.</summary>
public sealed class ContributorEditorTests() : EditorPageContext("cora@example.org", Roles.Contributor, "Cora Contributor")
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private StoryEditing Contributor => StoryEditing.From(Scope.ServiceProvider);

    private static List<string> Buttons(IRenderedComponent<EditStory> editor) =>
        editor.FindAll("button").Select(b => b.TextContent.Trim()).ToList();

    [Fact]
    public async Task AStoryInReviewIsShownReadOnlyWithoutButtons()
    {
        var submitted = Assert.IsType<SaveResult.Saved>(await Contributor.Saver.SaveAsync(
            null, null, new StoryDraft("Lighthouse open day", Body: "Body."), PublishAction.SubmitForReview, null, default)).Story;

        var editor = Render<EditStory>(p => p.Add(e => e.Id, submitted.Id));

        editor.WaitForAssertion(() => Assert.Equal("In review", editor.Find(".story-status").TextContent.Trim()), Wait);
        Assert.Contains(ContributorRules.InReview, editor.Find(".review-banner").TextContent);
        Assert.True(editor.Find("#story-title").HasAttribute("readonly"));
        Assert.True(editor.Find("#story-body").HasAttribute("readonly"));
        Assert.DoesNotContain("Save draft", Buttons(editor));
        Assert.DoesNotContain("Submit for review", Buttons(editor));
        Assert.DoesNotContain("Publish", Buttons(editor));
    }

    [Fact]
    public async Task ASentBackStoryShowsTheNoteAndCanBeSubmittedAgain()
    {
        var submitted = Assert.IsType<SaveResult.Saved>(await Contributor.Saver.SaveAsync(
            null, null, new StoryDraft("Beach clean-up", Body: "Body."), PublishAction.SubmitForReview, null, default)).Story;
        await using (var editorScope = await Site.SignedInScopeAsync("editor@example.org", Roles.Editor, "Edna Editor"))
        {
            await editorScope.ServiceProvider.GetRequiredService<ReviewDesk>().SendBackAsync(submitted.Id, submitted.Version, "How many volunteers came?", default);
        }

        var editor = Render<EditStory>(p => p.Add(e => e.Id, submitted.Id));

        editor.WaitForAssertion(() => Assert.Contains("How many volunteers came?", editor.Find(".review-note-banner").TextContent), Wait);
        Assert.False(editor.Find("#story-title").HasAttribute("readonly"));
        Assert.Equal(["Save draft", "Submit for review"], Buttons(editor).Where(b => b is "Save draft" or "Submit for review" or "Publish" or "Delete" or "Unpublish" or "Schedule"));

        editor.FindAll("button").First(b => b.TextContent.Trim() == "Submit for review").Click();

        editor.WaitForAssertion(() => Assert.Equal("In review", editor.Find(".story-status").TextContent.Trim()), Wait);
        Assert.Empty(editor.FindAll(".review-note-banner"));
        Assert.True(editor.Find("#story-title").HasAttribute("readonly"));
    }

    [Fact]
    public async Task TheirStoryOnceLiveIsShownReadOnly()
    {
        var created = Assert.IsType<SaveResult.Saved>(await Contributor.Saver.CreateAsync(new StoryDraft("Regatta results", Body: "Body."), default)).Story;
        await using (var editorScope = await Site.SignedInScopeAsync("editor@example.org", Roles.Editor, "Edna Editor"))
        {
            await StoryEditing.From(editorScope.ServiceProvider).Saver.PublishNowAsync(created.Id, created.Version, created.Draft, default);
        }

        var editor = Render<EditStory>(p => p.Add(e => e.Id, created.Id));

        editor.WaitForAssertion(() => Assert.Equal("Published", editor.Find(".story-status").TextContent.Trim()), Wait);
        Assert.Contains(ContributorRules.Live, editor.Find(".review-banner").TextContent);
        Assert.True(editor.Find("#story-body").HasAttribute("readonly"));
        Assert.DoesNotContain("Save draft", Buttons(editor));
        Assert.DoesNotContain("Unpublish", Buttons(editor));
    }
}
