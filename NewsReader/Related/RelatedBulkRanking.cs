using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Related;

/// <summary>
/// Computes every story's related stories from scratch in the background, in bounded batches, for
/// a large archive: after a bulk load (seed-demo, an import) or a change of the ranking. A million
/// stories must neither fill the server's memory nor take its cores from readers, and a restart
/// midway must carry on where it stopped.
/// </summary>
/// <remarks>
/// <para>Three passes over the stories, in id order, each batch committed on its own:</para>
/// <list type="number">
/// <item>Count: the terms of every story not yet counted (so the document frequencies are complete).</item>
/// <item>Weigh: every story's strongest terms, with the complete frequencies.</item>
/// <item>Rank: every story against the stories its terms, categories and tags lead to, then store its list.</item>
/// </list>
/// <para>Where it is (the pass and the last story id done) is kept in two DataVersions rows, which
/// exist only while the work is unfinished; a start that finds them resumes. Each batch runs on one
/// thread under the updater's gate (a save waits for at most one batch), and after each the work
/// rests as long as the batch took, so it uses at most about half of one core.</para>
/// </remarks>
public sealed class RelatedBulkRanking(
    IDbContextFactory<NewsDbContext> dbFactory,
    RelatedTerms terms,
    RelatedCandidates candidates,
    RelatedStoriesUpdater updater,
    TimeProvider clock,
    ILogger<RelatedBulkRanking> logger)
{
    public const string PassName = "related-bulk-pass";
    public const string PositionName = "related-bulk-position";

    /// <summary>Stories per batch: under the candidates' whole-table threshold, so each batch reads only its neighbourhood.</summary>
    public int BatchSize { get; init; } = 2500;

    /// <summary>Rest after each batch, as a multiple of the batch's time: 1 keeps it to about half a core.</summary>
    public double RestFactor { get; init; } = 1.0;

    private enum Pass { Count = 1, Weigh = 2, Rank = 3 }

    /// <summary>True when a bulk ranking was started and has not finished.</summary>
    public async Task<bool> IsUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DataVersions.AsNoTracking().AnyAsync(v => v.Name == PassName, cancellationToken);
    }

    /// <summary>Throws away every term, frequency and list, then ranks everything again.</summary>
    public async Task StartOverAsync(CancellationToken cancellationToken)
    {
        await updater.RunExclusiveAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                """DELETE FROM "RelatedArticles"; DELETE FROM "ArticleTerms"; DELETE FROM "ArticleTermCounts"; DELETE FROM "TermStats";""",
                cancellationToken);
            await SavePlaceAsync(db, Pass.Count, 0, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
        await RunAsync(cancellationToken);
    }

    /// <summary>Ranks every story, keeping what is already counted (stories added in bulk), or resumes an unfinished run.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var (pass, position) = await ReadPlaceAsync(cancellationToken);
        await SavePlaceAsync(pass, position, cancellationToken);
        var watch = Stopwatch.StartNew();
        logger.LogInformation("Related stories: ranking the whole archive in the background, from pass {Pass} after story {Position}.", pass, position);
        while (pass <= Pass.Rank)
        {
            var batch = await NextBatchAsync(pass, position, cancellationToken);
            if (batch.Count == 0)
            {
                logger.LogInformation("Related stories: pass {Pass} done after {Elapsed:N0} s.", pass, watch.Elapsed.TotalSeconds);
                (pass, position) = (pass + 1, 0);
                await SavePlaceAsync(pass, position, cancellationToken);
                continue;
            }
            var started = clock.GetTimestamp();
            await updater.RunExclusiveAsync(() => DoAsync(pass, batch, cancellationToken), cancellationToken);
            position = batch[^1];
            await SavePlaceAsync(pass, position, cancellationToken);
            var took = clock.GetElapsedTime(started);
            await Task.Delay(took * RestFactor, clock, cancellationToken);
        }
        await updater.MarkRankingVersionAsync(cancellationToken);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.DataVersions.Where(v => v.Name == PassName || v.Name == PositionName).ExecuteDeleteAsync(cancellationToken);
        }
        logger.LogInformation("Related stories: the whole archive is ranked ({Elapsed:N0} s).", watch.Elapsed.TotalSeconds);
    }

    private async Task DoAsync(Pass pass, List<int> batch, CancellationToken cancellationToken)
    {
        switch (pass)
        {
            case Pass.Count:
                await terms.CountAsync(batch, null, cancellationToken);
                break;
            case Pass.Weigh:
                await terms.WeighAsync(batch, null, cancellationToken);
                break;
            default:
                using (var index = await candidates.LoadAsync(batch, null, cancellationToken))
                {
                    index.Prepare();
                    // Every story is ranked in full against the whole archive's postings, so no other
                    // list needs merging: each gets its own turn in this pass.
                    var lists = batch.ToDictionary(id => id, id => index.Rank(id).Take(RelatedStoriesUpdater.StoredPerStory).ToList());
                    await updater.WriteListsAsync(lists, [], cancellationToken);
                }
                break;
        }
    }

    /// <summary>The next stories of a pass after <paramref name="position"/>, in id order.</summary>
    private async Task<List<int>> NextBatchAsync(Pass pass, int position, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stories = db.Stories.AsNoTracking().Where(a => a.Id > position);
        return pass switch
        {
            Pass.Count => await stories.Where(a => !db.Set<StoryTermCount>().Any(c => c.StoryId == a.Id))
                .OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken),
            Pass.Weigh => await db.Set<StoryTermCount>().AsNoTracking().Where(c => c.StoryId > position)
                .OrderBy(c => c.StoryId).Select(c => c.StoryId).Take(BatchSize).ToListAsync(cancellationToken),
            _ => await stories.OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken),
        };
    }

    private async Task<(Pass Pass, int Position)> ReadPlaceAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DataVersions.AsNoTracking().Where(v => v.Name == PassName || v.Name == PositionName)
            .ToDictionaryAsync(v => v.Name, v => v.Version, cancellationToken);
        return rows.TryGetValue(PassName, out var pass)
            ? ((Pass)pass, rows.GetValueOrDefault(PositionName))
            : (Pass.Count, 0);
    }

    private async Task SavePlaceAsync(Pass pass, int position, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SavePlaceAsync(db, pass, position, cancellationToken);
    }

    private static async Task SavePlaceAsync(NewsDbContext db, Pass pass, int position, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "DataVersions" ("Name", "Version") VALUES ({0}, {1}), ({2}, {3}) ON CONFLICT ("Name") DO UPDATE SET "Version" = excluded."Version" """,
            [PassName, (int)pass, PositionName, position], cancellationToken);
    }
}
