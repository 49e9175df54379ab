using Bunit;
using Microsoft.AspNetCore.Components.Web;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Authors;

/// <summary>The story editor's author field: chips in byline order, existing authors or new names.</summary>
public sealed class AuthorPickerTests : EditorPageContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static List<string> Chips(IRenderedComponent<EditStory> editor) =>
        editor.FindAll(".author-chips .mud-chip").Select(c => c.TextContent.Trim()).ToList();

    private static void Click(IRenderedComponent<EditStory> editor, string text) =>
        editor.FindAll("button").First(b => b.TextContent.Trim() == text || b.GetAttribute("aria-label") == text).Click();

    private static Task TypeBodyAsync(IRenderedComponent<EditStory> editor, string body) =>
        editor.InvokeAsync(() => editor.Instance.BodyChanged(body));

    [Fact]
    public async Task ANewStoryIsByItsWriterAndTypedNamesBecomeAuthorsInOrderOnSave()
    {
        var editor = Render<EditStory>();
        editor.WaitForAssertion(() => Assert.Equal(["Ana Ferreira"], Chips(editor)), Wait);
        editor.Find("#story-title").Input("Night buses return");
        await TypeBodyAsync(editor, "From Friday the N4 runs again.");

        editor.Find("#story-author").Input("Jonah Whitlock");
        Click(editor, "Add the typed author");
        editor.Find("#story-author").Input("Priya Castellan");
        editor.Find("#story-author").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        editor.WaitForAssertion(() => Assert.Equal(["Ana Ferreira", "Jonah Whitlock", "Priya Castellan"], Chips(editor)), Wait);
        Click(editor, "Save draft");

        editor.WaitForAssertion(() => Assert.Contains("Saved at", editor.Find(".save-state").TextContent), Wait);
        Assert.Equal(["Ana Ferreira", "Jonah Whitlock", "Priya Castellan"], await Site.BylineAsync("night-buses-return"));
        var row = Assert.Single((await StoryEditing.From(Scope.ServiceProvider).List.ListAsync(new StoryQuery(), default)).Rows);
        Assert.Equal("Ana Ferreira, Jonah Whitlock and Priya Castellan", row.Author);
    }

    [Fact]
    public async Task ARemovedChipLeavesTheByline()
    {
        await Site.AddStoryAsync("Tram line opens", slug: "tram", authors: ["Ana Ferreira", "Jonah Whitlock"], draft: true);
        var id = (await StoryEditing.From(Scope.ServiceProvider).List.ListAsync(new StoryQuery(), default)).Rows[0].Id;
        var editor = Render<EditStory>(p => p.Add(e => e.Id, id));
        editor.WaitForAssertion(() => Assert.Equal(["Ana Ferreira", "Jonah Whitlock"], Chips(editor)), Wait);

        editor.Find("button[aria-label='Remove Ana Ferreira']").Click();
        editor.WaitForAssertion(() => Assert.Equal(["Jonah Whitlock"], Chips(editor)), Wait);
        Click(editor, "Save draft");

        editor.WaitForAssertion(() => Assert.Contains("Saved at", editor.Find(".save-state").TextContent), Wait);
        Assert.Equal(["Jonah Whitlock"], await Site.BylineAsync("tram"));
    }

    [Fact]
    public void ATooLongNameIsRefusedAtTheFieldAndNothingTypedIsLost()
    {
        var editor = Render<EditStory>();
        editor.Find("#story-title").Input("Night buses return");
        var longName = new string('a', 201);
        editor.Find("#story-author").Input(longName);
        Click(editor, "Add the typed author");

        Click(editor, "Save draft");

        editor.WaitForAssertion(() => Assert.Contains("An author's name must be at most 200 characters.", editor.Markup), Wait);
        Assert.Equal(["Ana Ferreira", longName], Chips(editor));
        Assert.Contains("Nothing was saved", editor.Find(".form-message").TextContent);
    }
}
