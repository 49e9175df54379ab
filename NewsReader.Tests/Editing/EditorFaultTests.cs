using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NewsReader.Editing;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

/// <summary>The story editor page with hostile input and a busy database: a message, never a dead circuit.</summary>
public sealed class EditorFaultTests : EditorPageContext
{
    // The busy timeout is 5 s; a save waits that long before it gives up.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private async Task<int> StoryCountAsync()
    {
        await using var db = await Site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.Stories.CountAsync();
    }

    private static void SaveDraft(IRenderedComponent<EditStory> editor) =>
        editor.FindAll("button").First(b => b.TextContent.Trim() == "Save draft").Click();

    [Fact]
    public async Task ADeeplyNestedBodyIsPreviewedAndSavedAsPlainText()
    {
        var editor = Render<EditStory>();
        editor.Find("#story-title").Input("Deep story");
        var body = HostileMarkdown.DeepBodies.Single(d => d.File == "deep-quotes.md").Body;

        await editor.InvokeAsync(() => editor.Instance.BodyChanged(body));
        editor.WaitForAssertion(() => Assert.Contains("inside", editor.Find(".preview-body").TextContent), Wait);
        SaveDraft(editor);

        editor.WaitForAssertion(() => Assert.Equal(1, StoryCountAsync().GetAwaiter().GetResult()), Wait);
        await using var db = await Site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.Contains("inside", (await db.Stories.SingleAsync()).BodyHtml);
    }

    [Fact]
    public async Task SavingWhileAnotherWriterHoldsTheDatabaseSaysSoAndKeepsTheText()
    {
        var editor = Render<EditStory>();
        editor.Find("#story-title").Input("Busy story");
        await editor.InvokeAsync(() => editor.Instance.BodyChanged("Words typed while the database was busy."));

        await using (var holder = new SqliteConnection($"Data Source={Site.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();

            SaveDraft(editor);
            editor.WaitForAssertion(() => Assert.Contains("database is busy", editor.Find(".form-message").TextContent), Wait);
        }
        Assert.Equal(0, await StoryCountAsync());

        SaveDraft(editor);
        editor.WaitForAssertion(() => Assert.Equal(1, StoryCountAsync().GetAwaiter().GetResult()), Wait);
    }
}
