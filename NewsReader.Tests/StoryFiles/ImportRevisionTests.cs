using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Editing;
using NewsReader.StoryFiles;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.StoryFiles;

/// <summary>Importing story files over stories that editors have worked on in the site.</summary>
public abstract class ImportRevisionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EditingSite _site = new() { Provider = provider };
    private readonly string _files = Directory.CreateTempSubdirectory("newsreader-import-").FullName;

    public Task InitializeAsync()
    {
        _ = _site.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    private static StoryDraft Draft(string body) =>
        new("Ferry timetable changes", "ferry", "Summary.", "Ana Ferreira", body, "", "City", "ferries");

    private async Task<ImportReport> ImportAsync(string content)
    {
        File.WriteAllText(Path.Combine(_files, "ferry.md"), content);
        return await _site.GetService<StoryImporter>().ImportFolderAsync(_files, default);
    }

    private static string StoryText(string body, string published = "published: 2026-01-01T09:00:00Z\n") =>
        $"---\ntitle: Ferry timetable changes\nslug: ferry\n{published}categories: [City]\n---\n{body}\n";

    private async Task<(Story Story, List<StoryRevision> Revisions)> StoredAsync()
    {
        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        var story = await db.Stories.SingleAsync(a => a.Slug == "ferry");
        var revisions = await db.StoryRevisions.Where(r => r.StoryId == story.Id).OrderBy(r => r.Id).ToListAsync();
        return (story, revisions);
    }

    [ProviderFact]
    public async Task ImportingOverAnEditedStoryKeepsTheEditorsVersionAsARevision()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var created = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft("Old file body."), default)).Story;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.PublishNowAsync(created.Id, created.Version, Draft("The editor's careful rewrite."), default));

        var report = await ImportAsync(StoryText("An older body from a file."));

        var (story, revisions) = await StoredAsync();
        Assert.Equal("An older body from a file.\n", story.Body);
        var kept = revisions[^1];
        Assert.Equal("The editor's careful rewrite.", kept.Body);
        Assert.Equal("Before import", kept.Action);
        Assert.Equal("import", kept.UserName);
        Assert.Equal("0 imported, 1 updated, 0 failed, 0 unchanged; 1 story changed, previous versions kept as revisions", report.Summary);
    }

    [ProviderFact]
    public async Task AFileWithoutPublishedKeepsALiveStoryPublishedAndSaysSo()
    {
        await ImportAsync(StoryText("First body."));

        await ImportAsync(StoryText("Second body.", published: ""));

        var (story, revisions) = await StoredAsync();
        Assert.Equal(new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc), story.PublishedAt);
        Assert.Equal("Second body.\n", story.Body);
        Assert.Equal("First body.\n", Assert.Single(revisions).Body);
    }

    [ProviderFact]
    public async Task ImportingTheSameFileAgainWritesNoRevision()
    {
        await ImportAsync(StoryText("Same body."));

        var report = await ImportAsync(StoryText("Same body."));

        Assert.Empty((await StoredAsync()).Revisions);
        Assert.Equal("0 imported, 0 updated, 0 failed, 1 unchanged", report.Summary);
    }
}

public sealed class ImportRevisionTestsOnSqlite() : ImportRevisionTests(DatabaseProvider.Sqlite);

public sealed class ImportRevisionTestsOnPostgres() : ImportRevisionTests(DatabaseProvider.Postgres);
