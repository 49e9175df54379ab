using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Editing;
using NewsReader.FrontPage;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

/// <summary>
/// The editor's panels for a live story (bUnit, MudBlazor, real services): "Tell readers" goes out
/// with the next save, "Front page" acts at once; a draft shows neither.
/// </summary>
public sealed class EditorPanelsTests : EditorPageContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private StoryEditing Editor => StoryEditing.From(Scope.ServiceProvider);

    private async Task<StoryEdit> PublishedAsync()
    {
        var created = Assert.IsType<SaveResult.Saved>(await Editor.Saver.CreateAsync(new StoryDraft("Ferry times change", Body: "The ferry leaves at 7:15."), default)).Story;
        return Assert.IsType<SaveResult.Saved>(await Editor.Saver.PublishNowAsync(created.Id, created.Version, created.Draft, default)).Story;
    }

    private IRenderedComponent<EditStory> Open(int id)
    {
        var editor = Render<EditStory>(p => p.Add(e => e.Id, id));
        editor.WaitForAssertion(() => Assert.Equal("true", editor.Find(".story-editor").GetAttribute("data-editor-ready")), Wait);
        return editor;
    }

    private static IElement Button(IRenderedComponent<EditStory> editor, string text) =>
        editor.FindAll("button").First(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task ADraftShowsNeitherPanel()
    {
        var draft = Assert.IsType<SaveResult.Saved>(await Editor.Saver.CreateAsync(new StoryDraft("Not yet", Body: "Text."), default)).Story;

        var editor = Open(draft.Id);

        Assert.Empty(editor.FindAll(".reader-notice"));
        Assert.Empty(editor.FindAll(".front-page-panel"));
    }

    [Fact]
    public async Task ACorrectionTypedInThePanelGoesOutWithTheNextSave()
    {
        var story = await PublishedAsync();
        var editor = Open(story.Id);

        editor.Find("#story-correction").Input("An earlier version gave the wrong time.");
        Button(editor, "Save changes").Click();

        editor.WaitForAssertion(() => Assert.Contains("Readers now see: Updated", editor.Find(".reader-notice").TextContent), Wait);
        var saved = (await Editor.Saver.GetAsync(story.Id, default))!;
        Assert.Equal("An earlier version gave the wrong time.", saved.Correction);
        Assert.NotNull(saved.NotifiedUpdateAt);
    }

    [Fact]
    public async Task FeaturingFromThePanelActsAtOnce()
    {
        var story = await PublishedAsync();
        var editor = Open(story.Id);

        // The first switch of the panel is "Feature on the front page".
        editor.FindAll(".front-page-panel input[type=checkbox]")[0].Change(true);

        editor.WaitForAssertion(() => Assert.Equal("Featured on the front page.", editor.Find(".front-page-message").TextContent.Trim()), Wait);
        var place = await Scope.ServiceProvider.GetRequiredService<FrontPageDesk>().GetAsync(story.Id, default);
        Assert.True(place!.Featured);
    }
}
