using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

/// <summary>The story editor page's autosave, on a clock the test moves instead of waiting for it.</summary>
public sealed partial class StoryEditorTests
{
    private static readonly TimeSpan AutosavePause = TimeSpan.FromSeconds(3);

    /// <summary>The page's autosave runs on a clock the test moves; the saves themselves use the site's.</summary>
    private FakeTimeProvider AutosaveOnAFakeClock()
    {
        var clock = new FakeTimeProvider();
        Services.AddSingleton<TimeProvider>(clock);
        Site.GetService<EditorOptions>().AutosaveDelay = AutosavePause;
        return clock;
    }

    /// <summary>Autosave is scheduled only once the circuit is attached (the page is "ready").</summary>
    private static void WaitUntilReady(IRenderedComponent<EditStory> editor) =>
        editor.WaitForAssertion(() => Assert.Equal("true", editor.Find(".story-editor").GetAttribute("data-editor-ready")), Wait);

    [Fact]
    public async Task AutosaveSavesADraftOnlyOnceItHasATitle()
    {
        var clock = AutosaveOnAFakeClock();
        var editor = Render<EditStory>();
        WaitUntilReady(editor);

        await TypeBodyAsync(editor, "Words typed before any title.");
        clock.Advance(AutosavePause);
        editor.WaitForAssertion(() => Assert.Contains("Not saved yet", editor.Find(".save-state").TextContent), Wait);
        Assert.Equal(0, await StoryCountAsync());

        editor.Find("#story-title").Input("Title typed later");
        clock.Advance(AutosavePause);

        editor.WaitForAssertion(() => Assert.Contains("Draft autosaved", editor.Find(".save-state").TextContent), Wait);
        var story = Assert.Single((await Editor.List.ListAsync(new StoryQuery(), default)).Rows);
        Assert.Equal(StoryStatus.Draft, story.Status);
        Assert.Empty(await Editor.Revisions.GetRevisionsAsync(story.Id, default));
    }

    [Fact]
    public async Task AutosaveOfAPublishedStoryKeepsTheChangesAsideAndOffersThemNextTime()
    {
        var created = Assert.IsType<SaveResult.Saved>(await Editor.Saver.CreateAsync(new StoryDraft("Live story", Body: "Live body."), default)).Story;
        var published = Assert.IsType<SaveResult.Saved>(await Editor.Saver.PublishNowAsync(created.Id, created.Version, created.Draft, default)).Story;
        var clock = AutosaveOnAFakeClock();
        var editor = Render<EditStory>(p => p.Add(e => e.Id, published.Id));
        WaitUntilReady(editor);

        await TypeBodyAsync(editor, "Unfinished new body.");
        clock.Advance(AutosavePause);

        editor.WaitForAssertion(() => Assert.Contains("readers see them after Save changes", editor.Find(".save-state").TextContent), Wait);
        Assert.Equal("Live body.", (await Editor.Saver.GetAsync(published.Id, default))!.Draft.Body);

        var reopened = Render<EditStory>(p => p.Add(e => e.Id, published.Id));
        reopened.Find(".autosave-offer").QuerySelectorAll("button").First(b => b.TextContent.Trim() == "Restore").Click();
        Assert.Equal("Unfinished new body.", reopened.Find("#story-body").GetAttribute("value"));
    }
}
