using System.Net;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Reactions;

/// <summary>
/// A thousand readers pressing buttons at the same moment, through the whole HTTP pipeline, on a real
/// SQLite file: new reactions, moves and withdrawals land in shared batches, and the counts table
/// must still equal the rows, kind by kind, story by story.
/// </summary>
public abstract class ReactionStormTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string[] Kinds = ["happy", "sad", "excited", "sleepy", "angry", "surprise"];
    private static readonly string[] Slugs = ["storm-one", "storm-two", "storm-three"];

    // Every post of the test comes from one address; the per-address backstop is not what is tested here.
    private readonly NewsSiteFactory _site = new() { Provider = provider, Settings = { ["NewsReader:Reactions:PerAddressPerMinute"] = "100000" } };

    public async Task InitializeAsync()
    {
        foreach (var slug in Slugs)
        {
            await _site.AddStoryAsync($"Story {slug}", slug: slug);
        }
    }

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    private sealed record Reader(HttpClient Client, string Slug, string First, string? Second);

    private static async Task<HttpStatusCode> ReactAsync(HttpClient client, string slug, string kind)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{slug}/reactions")
        {
            Content = new FormUrlEncodedContent([new("kind", kind)]),
        };
        request.Headers.Add("Origin", "http://localhost");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [ProviderFact]
    public async Task AThousandReadersSettingMovingAndWithdrawingAtOnceLeaveCountsEqualToTheRows()
    {
        // 600 readers react first (themselves all at once), then the storm: 300 of them move to another
        // kind, 300 withdraw, and 400 new readers react for the first time: 1,000 posts, 1,000 readers.
        var readers = Enumerable.Range(0, 1000).Select(i =>
        {
            var first = Kinds[i % Kinds.Length];
            var second = i switch
            {
                < 300 => Kinds[(i + 1 + i / 7 % 5) % Kinds.Length], // another kind: a move
                < 600 => first,                                     // the same kind again: a withdrawal
                _ => null,                                          // new in the storm
            };
            return new Reader(_site.CreateClient(new() { AllowAutoRedirect = false }), Slugs[i % Slugs.Length], first, second);
        }).ToList();
        var earlier = readers.Where(r => r.Second is not null).ToList();

        var before = await Task.WhenAll(earlier.Select(r => ReactAsync(r.Client, r.Slug, r.First)));
        // Every post waits at one gate (without holding a thread), so all 1,000 arrive together.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var storm = readers.Select(async r =>
        {
            await start.Task;
            return await ReactAsync(r.Client, r.Slug, r.Second ?? r.First);
        }).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(storm);

        Assert.All(before.Concat(answers), status => Assert.Equal(HttpStatusCode.SeeOther, status));
        Assert.Equal(1000, answers.Length);

        // The counts table against the rows, both ways: no count without its rows, no rows without their count.
        Assert.Equal(0, await _site.ScalarAsync("""
            WITH rows AS (SELECT "ArticleId", "Kind", COUNT(*) AS n FROM "Reactions" GROUP BY "ArticleId", "Kind")
            SELECT (SELECT COUNT(*) FROM "ReactionCounts" c LEFT JOIN rows r ON r."ArticleId" = c."ArticleId" AND r."Kind" = c."Kind"
                    WHERE c."Count" <> COALESCE(r.n, 0))
                 + (SELECT COUNT(*) FROM rows r LEFT JOIN "ReactionCounts" c ON c."ArticleId" = r."ArticleId" AND c."Kind" = r."Kind"
                    WHERE c."Count" IS NULL OR c."Count" <> r.n)
            """));

        // And both against what the readers did: moved and new readers hold their last choice, withdrawn ones none.
        var expected = readers.Where(r => r.Second != r.First)
            .GroupBy(r => (r.Slug, Kind: r.Second ?? r.First))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(700, await _site.ScalarAsync("""SELECT COUNT(*) FROM "Reactions" """));
        Assert.Equal(700, await _site.ScalarAsync("""SELECT SUM("Count") FROM "ReactionCounts" """));
        foreach (var slug in Slugs)
        {
            var page = await _site.CreateClient().GetDocumentAsync($"/articles/{slug}");
            var total = Kinds.Sum(k => expected.GetValueOrDefault((slug, k)));
            Assert.Equal($"{total} responses", page.QuerySelector("#reactions .reaction-total").Text());
            foreach (var (kind, choice) in Kinds.Zip(NewsReader.Reactions.ReactionKinds.All))
            {
                var count = expected.GetValueOrDefault((slug, kind));
                Assert.Equal(count, await _site.ScalarAsync(
                    $"""SELECT COALESCE(SUM(c."Count"), 0) FROM "ReactionCounts" c JOIN "Articles" a ON a."Id" = c."ArticleId" WHERE a."Slug" = '{slug}' AND c."Kind" = {(int)choice.Kind}"""));
                Assert.Equal($"{choice.Word} {count} {NewsReader.Reactions.ReactionTally.Percent(count, total)}%",
                    page.QuerySelector($"button[value={kind}]")!.AccessibleName());
            }
        }
    }

    [ProviderFact]
    public async Task OneReaderPressingManyTimesAtOnceEndsAsIfThePressesCameOneAfterAnother()
    {
        // Within a batch the same reader's presses are applied in turn: an even number of presses of one
        // button leaves nothing, an odd number leaves the reaction, and the counts follow.
        var reader = _site.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.SeeOther, await ReactAsync(reader, Slugs[0], "sleepy")); // gets the cookie
        var presses = await Task.WhenAll(Enumerable.Range(0, 9).Select(_ => ReactAsync(reader, Slugs[0], "sleepy")));

        Assert.All(presses, status => Assert.Equal(HttpStatusCode.SeeOther, status));
        Assert.Equal(0, await _site.ScalarAsync("""SELECT COUNT(*) FROM "Reactions" """));
        Assert.Equal(0, await _site.ScalarAsync("""SELECT COALESCE(SUM("Count"), 0) FROM "ReactionCounts" """));
    }
}

public sealed class ReactionStormTestsOnSqlite() : ReactionStormTests(DatabaseProvider.Sqlite);

public sealed class ReactionStormTestsOnPostgres() : ReactionStormTests(DatabaseProvider.Postgres);
