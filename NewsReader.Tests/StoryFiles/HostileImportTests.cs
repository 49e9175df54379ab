using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.StoryFiles;

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

    [Fact]
    public async Task DeeplyNestedFilesAreImportedAsPlainTextNextToTheGoodOnes()
    {
        var input = Directory.CreateDirectory(Path.Combine(_folder, "in")).FullName;
        foreach (var (file, body) in HostileMarkdown.DeepBodies)
        {
            File.WriteAllText(Path.Combine(input, file), HostileMarkdown.StoryWithBody(Path.GetFileNameWithoutExtension(file), body));
        }
        File.WriteAllText(Path.Combine(input, "good.md"), HostileMarkdown.StoryWithBody("Good story", "A **good** body."));
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
