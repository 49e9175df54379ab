using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Cli;

/// <summary>Story files built to break the Markdown parser, imported by the real executable.</summary>
public sealed class HostileImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-hostile-").FullName;

    private string Database => Path.Combine(_folder, "news.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    internal static string StoryWithBody(string title, string body) =>
        $"---\ntitle: {title}\npublished: 2026-10-01T09:00:00Z\n---\n{body}\n";

    /// <summary>Bodies nested 5,000 deep, the way each Markdown container or inline nests.</summary>
    internal static readonly (string File, string Body)[] DeepBodies =
    [
        ("deep-brackets.md", new string('[', 5_000) + "inside" + new string(']', 5_000)),
        ("deep-quotes.md", string.Concat(Enumerable.Repeat("> ", 5_000)) + "inside"),
        ("deep-list.md", string.Concat(Enumerable.Repeat("* ", 5_000)) + "inside"),
        ("deep-emphasis.md", new string('*', 5_000) + "inside" + new string('*', 5_000)),
    ];

    [Fact]
    public async Task DeeplyNestedFilesAreImportedAsPlainTextNextToTheGoodOnes()
    {
        var input = Directory.CreateDirectory(Path.Combine(_folder, "in")).FullName;
        foreach (var (file, body) in DeepBodies)
        {
            File.WriteAllText(Path.Combine(input, file), StoryWithBody(Path.GetFileNameWithoutExtension(file), body));
        }
        File.WriteAllText(Path.Combine(input, "good.md"), StoryWithBody("Good story", "A **good** body."));
        File.WriteAllText(Path.Combine(input, "no-title.md"), "---\nsummary: nothing\n---\n" + new string('>', 5_000));

        var result = await AppProcess.RunAsync(Database, "import", input);

        // 1: one file failed for an ordinary reason; 134 would be the process dying of an unhandled exception.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("5 imported, 0 updated, 1 failed", result.Output);
        Assert.Contains("no-title.md: missing title", result.Errors);
        Assert.DoesNotContain("Unhandled", result.Errors);
        var options = new DbContextOptionsBuilder<NewsDbContext>().UseSqlite($"Data Source={Database}").Options;
        await using var db = new NewsDbContext(options);
        var bodies = await db.Stories.ToDictionaryAsync(a => a.Slug, a => a.BodyHtml);
        Assert.Contains("<strong>good</strong>", bodies["good-story"]);
        Assert.Contains("inside", bodies["deep-quotes"]);
        Assert.Contains("inside", bodies["deep-brackets"]);
    }
}
