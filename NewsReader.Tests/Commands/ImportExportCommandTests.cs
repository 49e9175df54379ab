using NewsReader.Tests.Support;

namespace NewsReader.Tests.Commands;

public sealed class ImportExportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-cli-").FullName;

    private string Database => Path.Combine(_folder, "news.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string StoryFolder(string name, params (string File, string Content)[] files)
    {
        var folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, content) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), content);
        }
        return folder;
    }

    private static string Story(string title, string extra = "") => $"""
        ---
        title: {title}
        summary: About {title}.
        published: 2026-10-01T09:00:00Z
        categories: [City]
        {extra}
        ---
        Body of {title}.
        """;

    [Fact]
    public async Task ImportReportsCountsAndNamesEveryBadFileWithItsReason()
    {
        var folder = StoryFolder("in",
            ("good-one.md", Story("Good one")),
            ("good-two.md", Story("Good two")),
            ("no-title.md", "---\nsummary: nothing\n---\nBody"),
            ("bad-date.md", Story("Bad date").Replace("2026-10-01T09:00:00Z", "next tuesday")),
            ("broken-yaml.md", "---\ntitle: [unclosed\n---\nBody"),
            ("huge.md", Story("Huge") + new string('x', 1024 * 1024 + 10)),
            ("notes.txt", "not a story"));

        var result = await AppProcess.RunAsync(Database, "import", folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("2 imported, 0 updated, 4 failed", result.Output);
        Assert.Contains("no-title.md: missing title", result.Errors);
        Assert.Contains("bad-date.md: bad date", result.Errors);
        Assert.Contains("broken-yaml.md: unreadable front matter", result.Errors);
        Assert.Contains("huge.md: the file is over 1 MB", result.Errors);
        Assert.DoesNotContain("notes.txt", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
    }

    [Fact]
    public async Task ImportingAgainUpdatesChangedStoriesBySlugAndLeavesTheRest()
    {
        var first = StoryFolder("first", ("a.md", Story("Alpha")), ("b.md", Story("Beta")));
        var second = StoryFolder("second", ("a.md", Story("Alpha") + "\nA new paragraph."), ("b.md", Story("Beta")));
        await AppProcess.RunAsync(Database, "import", first);

        var result = await AppProcess.RunAsync(Database, "import", second);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 imported, 1 updated, 0 failed, 1 unchanged", result.Output);
    }

    [Fact]
    public async Task ExportThenImportOfTheSampleStoriesChangesNothing()
    {
        var samples = Path.Combine(AppProcess.RepositoryRoot, "data", "articles");
        var exported = Path.Combine(_folder, "exported");
        var imported = await AppProcess.RunAsync(Database, "import", samples);

        var export = await AppProcess.RunAsync(Database, "export", exported);
        var reimport = await AppProcess.RunAsync(Database, "import", exported);
        var secondExport = Path.Combine(_folder, "exported-again");
        await AppProcess.RunAsync(Database, "export", secondExport);

        var sampleCount = Directory.GetFiles(samples, "*.md").Length;
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains($"{sampleCount} imported, 0 updated, 0 failed", imported.Output);
        Assert.Equal(0, export.ExitCode);
        Assert.Equal(sampleCount, Directory.GetFiles(exported, "*.md").Length);
        Assert.Contains($"0 imported, 0 updated, 0 failed, {sampleCount} unchanged", reimport.Output);
        foreach (var file in Directory.GetFiles(exported))
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(secondExport, Path.GetFileName(file))));
        }
    }

    [Fact]
    public async Task ImportOfAMissingFolderSaysSoAndFails()
    {
        var result = await AppProcess.RunAsync(Database, "import", Path.Combine(_folder, "nowhere"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Folder not found", result.Errors);
    }

    [Fact]
    public async Task AFileWithoutPublishedLeavesALiveStoryPublishedAndSaysSo()
    {
        var first = StoryFolder("first", ("a.md", Story("Alpha")));
        var second = StoryFolder("second", ("a.md", Story("Alpha").Replace("published: 2026-10-01T09:00:00Z", "") + "\nEdited."));
        await AppProcess.RunAsync(Database, "import", first);

        var result = await AppProcess.RunAsync(Database, "import", second);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kept published: a.md", result.Output);
        Assert.Contains("0 imported, 1 updated, 0 failed, 0 unchanged; 1 story changed, previous versions kept as revisions", result.Output);
    }
}
