using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsReader.Stories;
using NewsReader.Data;
using NewsReader.Redis;

namespace NewsReader.Related;

/// <summary>
/// Keeps the stored related-story lists (up to four shown under each story) up to date when stories change, so that a page
/// view reads a short list instead of scanning the archive.
/// </summary>
/// <remarks>
/// <para>Work is proportional to the stories that changed, not to the archive:</para>
/// <list type="number">
/// <item>The changed stories' terms are counted; document frequencies are adjusted by the
/// difference from their previous terms (StoryTermCounts keeps those).</item>
/// <item>Each changed story keeps its strongest TF-IDF terms in StoryTerms, the inverted index.</item>
/// <item>Each changed story is ranked against the candidates the index finds for its terms, plus the
/// newest stories of its categories and tags.</item>
/// <item>Other stories' lists are merged with the changed stories (the score is symmetric), or, when a
/// story they listed scores lower now or is gone, ranked again in full.</item>
/// </list>
/// <para>Lists keep <see cref="StoredPerStory"/> entries, scheduled stories included, so that readers
/// still see four when some are not yet out; the page filters by publish time. Weights of stories
/// that did not change are not rewritten when the document frequencies drift; RelatedBulkRanking
/// rebuilds everything from scratch.</para>
/// </remarks>
public sealed class RelatedStoriesUpdater(
    IDbContextFactory<NewsDbContext> dbFactory,
    RelatedTerms terms,
    RelatedCandidates candidates,
    JobLeases leases,
    ILogger<RelatedStoriesUpdater> logger) : IStoryChangeListener
{
    public const int StoredPerStory = 8;

    /// <summary>
    /// Which ranking made the stored counts, weights and lists; raise it whenever TextAnalyzer counts
    /// or RelatedIndex scores differently, and the catch-up ranks every story again on the next start.
    /// 1: the first ranking (databases from before this marker have none); 2: title, summary and names
    /// weigh more, and shared categories and tags only break ties.
    /// </summary>
    public const int RankingVersion = 2;

    /// <summary>The version is kept in a TermStats row no term can collide with (terms are letters and digits): no migration.</summary>
    public const string VersionTerm = "#ranking-version";

    public ChangeStage Stage => ChangeStage.StoredData;

    /// <summary>A changed story is offered to the lists of at most this many of its best candidates.</summary>
    public const int OffersPerStory = 500;

    private const int IdChunk = RelatedSql.IdChunk;
    private const int TextChunk = RelatedSql.TextChunk;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// With several instances (Redis configured), the lease that makes the gate below hold across
    /// them: a save on one and a save or bulk batch on another must not adjust the shared document
    /// frequencies at once either.
    /// </summary>
    public const string WriteLeaseName = "related-writes";

    public Task StoriesChangedAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken) =>
        UpdateAsync(storyIds, cancellationToken);

    /// <summary>Brings the lists up to date after the given stories were inserted, changed or deleted.</summary>
    public async Task UpdateAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        if (storyIds.Count == 0)
        {
            return;
        }
        // One batch at a time: two saves of one story must not both take back its old document frequencies.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await leases.RunExclusiveAsync(WriteLeaseName, token => UpdateCoreAsync(storyIds, token), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> while no batch of changes is being applied: the bulk ranking
    /// (<see cref="RelatedBulkRanking"/>) takes its batches in turn with saves this way.
    /// </summary>
    public async Task RunExclusiveAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await leases.RunExclusiveAsync(WriteLeaseName, _ => work(), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Records that what is stored was made by this <see cref="RankingVersion"/>.</summary>
    public async Task MarkRankingVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "TermStats" ("Term", "Documents") VALUES ({0}, {1}) ON CONFLICT ("Term") DO UPDATE SET "Documents" = excluded."Documents" """,
            [VersionTerm, RankingVersion], cancellationToken);
    }

    private async Task UpdateCoreAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var ids = storyIds.Distinct().Order().ToList();

        // A batch that fits in one chunk keeps its counts in memory; a bulk one reads them back chunk by chunk.
        var keptCounts = ids.Count <= TextChunk ? new Dictionary<int, Dictionary<string, int>>() : null;
        var publishedAt = await terms.CountAsync(ids, keptCounts, cancellationToken);
        var counted = watch.ElapsedMilliseconds;
        var topTerms = await terms.WeighAsync(publishedAt.Keys.ToList(), keptCounts, cancellationToken);
        var weighed = watch.ElapsedMilliseconds;

        var toRank = publishedAt.Where(p => p.Value is not null).Select(p => p.Key).ToList();
        var lists = new Dictionary<int, List<RelatedScore>>();
        var offers = new Dictionary<int, Dictionary<int, RelatedScore>>();
        using var index = await candidates.LoadAsync(toRank, topTerms, cancellationToken);
        var loaded = watch.ElapsedMilliseconds;
        var ranked = new HashSet<int>(toRank);
        index.Prepare();
        var rankings = new IReadOnlyList<RelatedScore>[toRank.Count];
        Parallel.For(0, toRank.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => rankings[i] = index.Rank(toRank[i]));
        for (var i = 0; i < toRank.Count; i++)
        {
            var id = toRank[i];
            var scores = rankings[i];
            lists[id] = scores.Take(StoredPerStory).ToList();
            var self = publishedAt[id]!.Value;
            foreach (var other in scores.Take(OffersPerStory).Where(s => !ranked.Contains(s.StoryId)))
            {
                if (!offers.TryGetValue(other.StoryId, out var forOther))
                {
                    offers[other.StoryId] = forOther = [];
                }
                forOther[id] = new RelatedScore(id, other.Score, self);
            }
        }

        var rankedAt = watch.ElapsedMilliseconds;
        var fullRecompute = await MergeIntoOtherListsAsync(ids, ranked, offers, lists, cancellationToken);
        if (fullRecompute.Count > 0)
        {
            using var again = await candidates.LoadAsync(fullRecompute, null, cancellationToken);
            foreach (var id in fullRecompute)
            {
                lists[id] = again.Rank(id).Take(StoredPerStory).ToList();
            }
        }

        // A draft has no list: it gets one when it is published, which is a change too.
        var drafts = publishedAt.Where(p => p.Value is null).Select(p => p.Key);
        await WriteListsAsync(lists, drafts, cancellationToken);
        logger.LogInformation(
            "Related stories: {Changed} changed, {Ranked} ranked, {Merged} other lists updated, {Recomputed} recomputed in {Elapsed} ms " +
            "(terms counted {Counted} ms, weighed {Weighed} ms, index loaded {Loaded} ms, ranked {RankedIn} ms, merged and written {Written} ms)",
            ids.Count, toRank.Count, lists.Count - toRank.Count - fullRecompute.Count, fullRecompute.Count, watch.ElapsedMilliseconds,
            counted, weighed - counted, loaded - weighed, rankedAt - loaded, watch.ElapsedMilliseconds - rankedAt);
    }

    /// <summary>
    /// Offers the ranked stories to the lists of stories outside the batch, and finds the lists that
    /// named a changed story. Returns the stories whose lists must be ranked again in full.
    /// </summary>
    private async Task<List<int>> MergeIntoOtherListsAsync(
        List<int> changed, HashSet<int> ranked, Dictionary<int, Dictionary<int, RelatedScore>> offers,
        Dictionary<int, List<RelatedScore>> lists, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var related = db.Set<RelatedStory>().AsNoTracking();

        var targets = new HashSet<int>(offers.Keys);
        foreach (var part in changed.Chunk(IdChunk))
        {
            targets.UnionWith(await related.Where(r => part.Contains(r.RelatedStoryId)).Select(r => r.StoryId)
                .Distinct().ToListAsync(cancellationToken));
        }
        targets.ExceptWith(ranked);
        targets.ExceptWith(changed); // drafts and deleted stories have no list to merge into

        var changedSet = changed.ToHashSet();
        var fullRecompute = new List<int>();
        foreach (var part in targets.Order().Chunk(IdChunk))
        {
            var rows = await (
                    from r in related
                    where part.Contains(r.StoryId)
                    join a in db.Stories on r.RelatedStoryId equals a.Id into found
                    from a in found.DefaultIfEmpty()
                    orderby r.StoryId, r.Rank
                    select new { r.StoryId, r.RelatedStoryId, r.Score, PublishedAt = a == null ? null : a.PublishedAt })
                .ToListAsync(cancellationToken);
            var stored = rows.ToLookup(r => r.StoryId);

            foreach (var target in part)
            {
                var offered = offers.GetValueOrDefault(target) ?? [];
                var entries = new List<RelatedScore>();
                var full = false;
                foreach (var entry in stored[target])
                {
                    if (changedSet.Contains(entry.RelatedStoryId))
                    {
                        // A story that now scores lower may have fallen below one this list never kept.
                        full |= !offered.TryGetValue(entry.RelatedStoryId, out var offer) || offer.Score < entry.Score;
                        continue;
                    }
                    if (entry.PublishedAt is not { } date)
                    {
                        full = true;
                        continue;
                    }
                    entries.Add(new RelatedScore(entry.RelatedStoryId, entry.Score, date));
                }
                if (full)
                {
                    fullRecompute.Add(target);
                    continue;
                }

                entries.AddRange(offered.Values);
                entries.Sort(RelatedIndex.Compare);
                var merged = entries.Take(StoredPerStory).ToList();
                var before = stored[target].Select(r => (r.RelatedStoryId, r.Score));
                if (!merged.Select(m => (m.StoryId, m.Score)).SequenceEqual(before))
                {
                    lists[target] = merged;
                }
            }
        }
        return fullRecompute;
    }

    /// <summary>Replaces the stored lists of the given stories, and clears those of <paramref name="cleared"/>.</summary>
    internal async Task WriteListsAsync(
        IReadOnlyDictionary<int, List<RelatedScore>> lists, IEnumerable<int> cleared, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = lists.Keys.Concat(cleared).Distinct().Order().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var part in ids.Chunk(TextChunk))
        {
            await RelatedSql.DeleteByIdsAsync(db, "RelatedArticles", "ArticleId", part, cancellationToken);
        }
        await RelatedSql.InsertAsync(db.Database.GetDbConnection(), transaction,
            """INSERT INTO "RelatedArticles" ("ArticleId", "Rank", "RelatedArticleId", "Score") VALUES (@a, @b, @c, @d)""",
            lists.SelectMany(l => l.Value.Select((entry, i) => new object[] { l.Key, i + 1, entry.StoryId, entry.Score })),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
