using System.Collections.Concurrent;
using System.Net;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Data;

/// <summary>The site killed with SIGKILL in the middle of a stream of writes, then started again.</summary>
public sealed class CrashSafetyTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesAKillMidStream()
    {
        await _database.AddStoryAsync();
        var options = new AppProcess.Options(_database.Path) { Timeout = TimeSpan.FromSeconds(60) };
        options.Environment["NewsReader__Reactions__PerAddressPerMinute"] = "100000";
        var site = await AppProcess.StartSiteAsync(options);

        using var readers = new ReaderClients(site.Address);
        using var stop = new CancellationTokenSource();
        var acknowledged = 0;
        var sent = 0;
        var reactionWriters = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = w; !stop.IsCancellationRequested; i += 4)
            {
                Interlocked.Increment(ref sent);
                try
                {
                    if (await readers.ReactAsync(i, "harbour") == HttpStatusCode.SeeOther)
                    {
                        Interlocked.Increment(ref acknowledged);
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the site is gone
                }
                catch (TaskCanceledException)
                {
                    return;
                }
            }
        })).ToList();

        // The editor-like writer: `import` of a new story file in a loop, itself killed mid-stream too.
        var importedSlugs = new ConcurrentBag<string>();
        var importWriter = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var folder = Directory.CreateDirectory(Path.Combine(_database.Folder, $"batch-{i}")).FullName;
                var body = string.Join("\n\n", Enumerable.Repeat($"Paragraph of story {i} with some words.", 200));
                File.WriteAllText(Path.Combine(folder, $"story-{i}.md"),
                    $"---\ntitle: Story {i}\nslug: story-{i}\npublished: 2026-01-01T09:00:00Z\ncategories: [City, Harbour]\ntags: [t{i}]\n---\n{body}\n");
                var result = await AppProcess.RunAsync(options with { Kill = stop.Token }, "import", folder);
                if (result.ExitCode == 0)
                {
                    importedSlugs.Add($"story-{i}");
                }
            }
        });

        while (Volatile.Read(ref acknowledged) < 150 || importedSlugs.Count < 2)
        {
            await Task.Delay(50);
        }
        await site.KillAsync();
        stop.Cancel();
        await Task.WhenAll(reactionWriters.Append(importWriter));
        await site.DisposeAsync();

        await using var restarted = await AppProcess.StartSiteAsync(options);
        var reactions = await TestDatabase.ScalarAsync(_database.Path, "SELECT COUNT(*) FROM Reactions");
        output.WriteLine($"reactions: {sent} sent, {acknowledged} acknowledged, {reactions} stored; imports acknowledged: {importedSlugs.Count}");
        Assert.InRange(reactions, acknowledged, sent);
        // Reactions are committed in batches with their counts: a kill mid-batch leaves neither half.
        Assert.Equal(reactions, await TestDatabase.ScalarAsync(_database.Path, "SELECT COALESCE(SUM(Count), 0) FROM ReactionCounts"));
        foreach (var slug in importedSlugs)
        {
            Assert.Equal(1, await TestDatabase.ScalarAsync(_database.Path, $"SELECT COUNT(*) FROM Articles WHERE Slug = '{slug}'"));
        }
        // No partial story: every story that is there has its rendered body, its read time and its categories.
        Assert.Equal(0, await TestDatabase.ScalarAsync(_database.Path,
            "SELECT COUNT(*) FROM Articles a WHERE a.BodyHtml = '' OR a.WordCount = 0 OR (SELECT COUNT(*) FROM ArticleCategories c WHERE c.ArticleId = a.Id) < 1"));
        Assert.Equal("ok", await TestDatabase.IntegrityAsync(_database.Path));
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(restarted.Address, "/articles/harbour"))).StatusCode);
    }
}
