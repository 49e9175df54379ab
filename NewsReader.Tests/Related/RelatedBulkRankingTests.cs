using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsReader.Data;
using NewsReader.Related;
using NewsReader.Tests.Support;
using NewsReader.Tests.Support.RelatedEvaluation;

namespace NewsReader.Tests.Related;

/// <summary>
/// The whole archive ranked in small batches, as after a bulk load of a million stories: every
/// story ends with an on-topic list, and a run stopped midway carries on where it stopped.
/// </summary>
public abstract class RelatedBulkRankingTests(DatabaseProvider provider) : IDisposable
{
    private readonly RelatedSiteFactory _site = new() { Provider = provider };

    public void Dispose() => _site.Dispose();

    private static DateTime Day(int day) => new(2026, 10, day, 9, 0, 0, DateTimeKind.Utc);

    private async Task<Dictionary<int, string>> AddEvaluationSetAsync()
    {
        await _site.Services.GetServices<IHostedService>().OfType<RelatedStoriesCatchUp>().Single().ExecuteTask!;
        var subjectOf = new Dictionary<int, string>();
        var stories = RelatedEvaluationCorpus.Stories;
        for (var i = 0; i < stories.Count; i++)
        {
            var s = stories[i];
            subjectOf[await _site.AddStoryAsync(s.Title, s.Body, Day(1).AddHours(i), s.Categories, s.Tags, summary: s.Summary)] = s.Subject;
        }
        return subjectOf;
    }

    private async Task<NewsDbContext> DbAsync() =>
        await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();

    [ProviderFact]
    public async Task RankingEverythingInSmallBatchesKeepsEveryListOnSubjectAndLeavesNoProgressBehind()
    {
        var subjectOf = await AddEvaluationSetAsync();

        await new RelatedBulkRankingBuilder(_site).Build(batchSize: 7).StartOverAsync(CancellationToken.None);

        var precision = await RelatedLists.PrecisionAtThreeAsync(_site, subjectOf);
        Assert.True(precision >= 0.95, $"ranked in batches of 7, P@3 is {precision:F3}");
        await using var db = await DbAsync();
        Assert.False(await db.DataVersions.AnyAsync(v => v.Name == RelatedBulkRanking.PassName || v.Name == RelatedBulkRanking.PositionName));
        Assert.Equal(RelatedStoriesUpdater.RankingVersion,
            await db.Set<TermStat>().Where(s => s.Term == RelatedStoriesUpdater.VersionTerm).Select(s => s.Documents).SingleAsync());
    }

    [ProviderFact]
    public async Task ARunStoppedDuringTheRankingPassResumesAfterTheLastStoryItFinished()
    {
        var subjectOf = await AddEvaluationSetAsync();
        var ids = subjectOf.Keys.Order().ToList();
        var finished = ids[ids.Count / 2];
        await using (var db = await DbAsync())
        {
            // As a restart finds it: the ranking pass done up to `finished`, nothing stored after it.
            await db.RelatedStories.Where(r => r.StoryId > finished).ExecuteDeleteAsync();
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "DataVersions" ("Name", "Version") VALUES ({0}, 3), ({1}, {2})""",
                RelatedBulkRanking.PassName, RelatedBulkRanking.PositionName, finished);
        }
        var before = await ListsAsync(ids.Where(id => id <= finished));
        var bulk = new RelatedBulkRankingBuilder(_site).Build(batchSize: 4);

        Assert.True(await bulk.IsUnfinishedAsync(CancellationToken.None));
        using var catchUp = ActivatorUtilities.CreateInstance<RelatedStoriesCatchUp>(_site.Services, bulk);
        await catchUp.StartAsync(CancellationToken.None);
        await catchUp.ExecuteTask!;

        Assert.False(await bulk.IsUnfinishedAsync(CancellationToken.None));
        Assert.Equal(before, await ListsAsync(ids.Where(id => id <= finished)));
        var after = await ListsAsync(ids.Where(id => id > finished));
        Assert.All(ids.Where(id => id > finished), id => Assert.True(after.GetValueOrDefault(id) is { Length: >= 3 }, $"story {id} has no list"));
        Assert.True(await RelatedLists.PrecisionAtThreeAsync(_site, subjectOf) >= 0.95);
    }

    [ProviderFact]
    public async Task ARunStoppedDuringCountingCountsEachStoryOnceAndThenRanksEverything()
    {
        var subjectOf = await AddEvaluationSetAsync();
        var ids = subjectOf.Keys.Order().ToList();
        await new RelatedBulkRankingBuilder(_site).Build(batchSize: 50).StartOverAsync(CancellationToken.None);
        var frequencies = await FrequenciesAsync();
        await using (var db = await DbAsync())
        {
            // As a restart finds it: everything thrown away, then the first 20 stories counted.
            await db.Database.ExecuteSqlRawAsync(
                """DELETE FROM "RelatedArticles"; DELETE FROM "ArticleTerms"; DELETE FROM "ArticleTermCounts"; DELETE FROM "TermStats";""");
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "DataVersions" ("Name", "Version") VALUES ({0}, 1), ({1}, {2})""",
                RelatedBulkRanking.PassName, RelatedBulkRanking.PositionName, ids[19]);
        }
        await _site.GetService<RelatedTerms>().CountAsync(ids.Take(20).ToList(), null, CancellationToken.None);

        await new RelatedBulkRankingBuilder(_site).Build(batchSize: 6).RunAsync(CancellationToken.None);

        Assert.Equal(frequencies, await FrequenciesAsync());
        Assert.True(await RelatedLists.PrecisionAtThreeAsync(_site, subjectOf) >= 0.95);
    }

    private async Task<Dictionary<string, int>> FrequenciesAsync()
    {
        await using var db = await DbAsync();
        return await db.Set<TermStat>().AsNoTracking().Where(s => s.Term != RelatedStoriesUpdater.VersionTerm)
            .ToDictionaryAsync(s => s.Term, s => s.Documents);
    }

    private async Task<Dictionary<int, int[]>> ListsAsync(IEnumerable<int> ids)
    {
        var wanted = ids.ToList();
        await using var db = await DbAsync();
        var rows = await db.RelatedStories.AsNoTracking().Where(r => wanted.Contains(r.StoryId))
            .OrderBy(r => r.StoryId).ThenBy(r => r.Rank).Select(r => new { r.StoryId, r.RelatedStoryId }).ToListAsync();
        return rows.GroupBy(r => r.StoryId).ToDictionary(g => g.Key, g => g.Select(r => r.RelatedStoryId).ToArray());
    }

    private sealed class RelatedBulkRankingBuilder(RelatedSiteFactory site)
    {
        public RelatedBulkRanking Build(int batchSize) => new(
            site.GetService<IDbContextFactory<NewsDbContext>>(),
            site.GetService<RelatedTerms>(),
            site.GetService<RelatedCandidates>(),
            site.GetService<RelatedStoriesUpdater>(),
            site.Clock,
            site.GetService<Microsoft.Extensions.Logging.ILogger<RelatedBulkRanking>>())
        { BatchSize = batchSize };
    }
}

public sealed class RelatedBulkRankingTestsOnSqlite() : RelatedBulkRankingTests(DatabaseProvider.Sqlite);

public sealed class RelatedBulkRankingTestsOnPostgres() : RelatedBulkRankingTests(DatabaseProvider.Postgres);
