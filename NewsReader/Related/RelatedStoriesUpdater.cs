using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Articles;
using NewsReader.Data;

namespace NewsReader.Related;

/// <summary>
/// Keeps the stored related-story lists (DESIGN.md §8) up to date when stories change, so that a page
/// view reads a short list instead of scanning the archive.
/// </summary>
/// <remarks>
/// <para>Work is proportional to the stories that changed, not to the archive:</para>
/// <list type="number">
/// <item>The changed stories' terms are counted; document frequencies are adjusted by the
/// difference from their previous terms (ArticleTermCounts keeps those).</item>
/// <item>Each changed story keeps its strongest TF-IDF terms in ArticleTerms, the inverted index.</item>
/// <item>Each changed story is ranked against the candidates the index finds for its terms, plus the
/// newest stories of its categories and tags.</item>
/// <item>Other stories' lists are merged with the changed stories (the score is symmetric), or, when a
/// story they listed scores lower now or is gone, ranked again in full.</item>
/// </list>
/// <para>Lists keep <see cref="StoredPerStory"/> entries, scheduled stories included, so that readers
/// still see four when some are not yet out; the page filters by publish time. Weights of stories
/// that did not change are not rewritten when the document frequencies drift; RecomputeAllAsync
/// rebuilds everything from scratch.</para>
/// </remarks>
public sealed class RelatedStoriesUpdater(
    IDbContextFactory<NewsDbContext> dbFactory,
    ILogger<RelatedStoriesUpdater> logger) : IArticleChangeListener
{
    public const int StoredPerStory = 8;

    /// <summary>A changed story is offered to the lists of at most this many of its best candidates.</summary>
    public const int OffersPerStory = 500;

    private const int IdChunk = 900;
    private const int TextChunk = 2000;

    /// <summary>Past this many stories to rank, whole tables are read instead of each story's neighbourhood.</summary>
    private const int WholeTableThreshold = 3000;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task ArticlesChangedAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken) =>
        UpdateAsync(articleIds, cancellationToken);

    /// <summary>Brings the lists up to date after the given stories were inserted, changed or deleted.</summary>
    public async Task UpdateAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0)
        {
            return;
        }
        // One batch at a time: two saves of one story must not both take back its old document frequencies.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await UpdateCoreAsync(articleIds, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Throws away every term, frequency and list and computes them again (after a bulk load, or to undo drift).</summary>
    public async Task RecomputeAllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            List<int> ids;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await db.Database.ExecuteSqlRawAsync(
                    "DELETE FROM RelatedArticles; DELETE FROM ArticleTerms; DELETE FROM ArticleTermCounts; DELETE FROM TermStats;",
                    cancellationToken);
                ids = await db.Articles.Select(a => a.Id).ToListAsync(cancellationToken);
            }
            await UpdateCoreAsync(ids, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task UpdateCoreAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var ids = articleIds.Distinct().Order().ToList();

        // A batch that fits in one chunk keeps its counts in memory; a bulk one reads them back chunk by chunk.
        var keptCounts = ids.Count <= TextChunk ? new Dictionary<int, Dictionary<string, int>>() : null;
        var publishedAt = await CountTermsAsync(ids, keptCounts, cancellationToken);
        var counted = watch.ElapsedMilliseconds;
        var topTerms = await WeighTermsAsync(publishedAt.Keys.ToList(), keptCounts, cancellationToken);
        var weighed = watch.ElapsedMilliseconds;

        var toRank = publishedAt.Where(p => p.Value is not null).Select(p => p.Key).ToList();
        var lists = new Dictionary<int, List<RelatedScore>>();
        var offers = new Dictionary<int, Dictionary<int, RelatedScore>>();
        using var index = await BuildIndexAsync(toRank, topTerms, cancellationToken);
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
            using var again = await BuildIndexAsync(fullRecompute, null, cancellationToken);
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
    /// Counts the terms of the stories, stores them and moves the document frequencies from the old
    /// terms to the new. Returns the publish times of the stories that still exist.
    /// </summary>
    private async Task<Dictionary<int, DateTime?>> CountTermsAsync(
        List<int> ids, Dictionary<int, Dictionary<string, int>>? keptCounts, CancellationToken cancellationToken)
    {
        var publishedAt = new Dictionary<int, DateTime?>();
        foreach (var chunk in ids.Chunk(TextChunk))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var stories = new List<(int Id, DateTime? PublishedAt, Dictionary<string, int> Counts)>();
            foreach (var part in chunk.Chunk(IdChunk))
            {
                var rows = await db.Articles.AsNoTracking().Where(a => part.Contains(a.Id))
                    .Select(a => new { a.Id, a.Title, a.Summary, a.BodyHtml, a.PublishedAt })
                    .ToListAsync(cancellationToken);
                stories.AddRange(rows.AsParallel().AsOrdered()
                    .Select(r => (r.Id, r.PublishedAt, TextAnalyzer.CountTerms(r.Title, r.Summary, r.BodyHtml))));
            }

            var frequencyChanges = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var part in chunk.Chunk(IdChunk))
            {
                var previous = await db.Set<ArticleTermCount>().AsNoTracking().Where(c => part.Contains(c.ArticleId))
                    .Select(c => c.Terms).ToListAsync(cancellationToken);
                foreach (var (term, _) in previous.SelectMany(ParseCounts))
                {
                    frequencyChanges[term] = frequencyChanges.GetValueOrDefault(term) - 1;
                }
            }
            foreach (var story in stories)
            {
                publishedAt[story.Id] = story.PublishedAt;
                keptCounts?.Add(story.Id, story.Counts);
                foreach (var term in story.Counts.Keys)
                {
                    frequencyChanges[term] = frequencyChanges.GetValueOrDefault(term) + 1;
                }
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            await DeleteByIdsAsync(db, "ArticleTermCounts", "ArticleId", chunk, cancellationToken);
            await InsertAsync(connection, transaction, "INSERT INTO ArticleTermCounts (ArticleId, Terms) VALUES (@a, @b)",
                stories.Select(s => new object[] { s.Id, FormatCounts(s.Counts) }), cancellationToken);
            await InsertAsync(connection, transaction,
                "INSERT INTO TermStats (Term, Documents) VALUES (@a, @b) ON CONFLICT (Term) DO UPDATE SET Documents = Documents + excluded.Documents",
                frequencyChanges.Where(c => c.Value != 0).Select(c => new object[] { c.Key, c.Value }), cancellationToken);
            if (frequencyChanges.Values.Any(v => v < 0))
            {
                await db.Database.ExecuteSqlRawAsync("DELETE FROM TermStats WHERE Documents <= 0", cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return publishedAt;
    }

    /// <summary>Stores each story's strongest terms, weighed with the current document frequencies.</summary>
    private async Task<Dictionary<int, IReadOnlyList<WeightedTerm>>> WeighTermsAsync(
        List<int> ids, Dictionary<int, Dictionary<string, int>>? keptCounts, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, IReadOnlyList<WeightedTerm>>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var documentCount = await db.Set<ArticleTermCount>().CountAsync(cancellationToken);
            var wholeTable = ids.Count > WholeTableThreshold;
            var frequencies = wholeTable
                ? await db.Set<TermStat>().AsNoTracking().ToDictionaryAsync(s => s.Term, s => s.Documents, StringComparer.Ordinal, cancellationToken)
                : new Dictionary<string, int>(StringComparer.Ordinal);

            foreach (var chunk in ids.Chunk(TextChunk))
            {
                var counts = keptCounts ?? new Dictionary<int, Dictionary<string, int>>();
                foreach (var part in keptCounts is null ? chunk.Chunk(IdChunk) : [])
                {
                    var rows = await db.Set<ArticleTermCount>().AsNoTracking().Where(c => part.Contains(c.ArticleId))
                        .ToListAsync(cancellationToken);
                    foreach (var row in rows)
                    {
                        counts[row.ArticleId] = ParseCounts(row.Terms).ToDictionary(StringComparer.Ordinal);
                    }
                }
                if (!wholeTable)
                {
                    var missing = counts.Values.SelectMany(c => c.Keys).Where(t => !frequencies.ContainsKey(t)).Distinct().ToList();
                    foreach (var part in missing.Chunk(IdChunk))
                    {
                        var rows = await db.Set<TermStat>().AsNoTracking().Where(s => part.Contains(s.Term)).ToListAsync(cancellationToken);
                        foreach (var row in rows)
                        {
                            frequencies[row.Term] = row.Documents;
                        }
                    }
                }

                foreach (var (id, termCounts) in counts)
                {
                    result[id] = TermWeighting.TopTerms(termCounts, t => frequencies.GetValueOrDefault(t, 1), documentCount);
                }

                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await DeleteByIdsAsync(db, "ArticleTerms", "ArticleId", chunk, cancellationToken);
                await InsertAsync(db.Database.GetDbConnection(), transaction,
                    "INSERT INTO ArticleTerms (ArticleId, Term, Weight) VALUES (@a, @b, @c)",
                    chunk.Where(result.ContainsKey).SelectMany(id => result[id].Select(t => new object[] { id, t.Term, t.Weight })),
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        return result;
    }

    /// <summary>
    /// Loads the stories to rank with everything that could be related to them: the stories sharing
    /// one of their indexed terms, and the newest stories of their categories and tags.
    /// </summary>
    private async Task<RelatedIndex> BuildIndexAsync(
        IReadOnlyCollection<int> toRank, IReadOnlyDictionary<int, IReadOnlyList<WeightedTerm>>? knownTerms,
        CancellationToken cancellationToken)
    {
        var index = new RelatedIndex();
        if (toRank.Count == 0)
        {
            return index;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        if (toRank.Count > WholeTableThreshold)
        {
            // Most of the archive is involved: reading whole tables once beats many lookups.
            var all = await db.Articles.AsNoTracking().Select(a => new { a.Id, a.PublishedAt }).ToListAsync(cancellationToken);
            var categories = await LinksAsync(db.Set<ArticleCategory>().AsNoTracking().Select(l => new Link(l.ArticleId, l.CategoryId)), cancellationToken);
            var tags = await LinksAsync(db.Set<ArticleTag>().AsNoTracking().Select(l => new Link(l.ArticleId, l.TagId)), cancellationToken);
            var terms = new Dictionary<int, List<WeightedTerm>>();
            await foreach (var row in db.Set<ArticleTerm>().AsNoTracking().Select(t => new { t.ArticleId, t.Term, t.Weight })
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (!terms.TryGetValue(row.ArticleId, out var list))
                {
                    terms[row.ArticleId] = list = [];
                }
                list.Add(new WeightedTerm(row.Term, row.Weight));
            }
            foreach (var story in all)
            {
                index.Add(new StoryFeatures(story.Id, story.PublishedAt, categories.GetValueOrDefault(story.Id) ?? [],
                    tags.GetValueOrDefault(story.Id) ?? [], terms.GetValueOrDefault(story.Id) ?? []));
            }
            return index;
        }

        var ownTerms = new Dictionary<int, IReadOnlyList<WeightedTerm>>();
        var unknown = new List<int>();
        foreach (var id in toRank)
        {
            if (knownTerms?.TryGetValue(id, out var known) == true)
            {
                ownTerms[id] = known;
            }
            else
            {
                unknown.Add(id);
            }
        }
        foreach (var part in unknown.Chunk(IdChunk))
        {
            var rows = await db.Set<ArticleTerm>().AsNoTracking().Where(t => part.Contains(t.ArticleId))
                .Select(t => new { t.ArticleId, t.Term, t.Weight }).ToListAsync(cancellationToken);
            foreach (var group in rows.GroupBy(r => r.ArticleId))
            {
                ownTerms[group.Key] = group.Select(r => new WeightedTerm(r.Term, r.Weight)).ToList();
            }
        }

        var postings = new Dictionary<int, List<WeightedTerm>>();
        var allTerms = ownTerms.Values.SelectMany(t => t).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        foreach (var part in allTerms.Chunk(IdChunk))
        {
            var rows = await db.Set<ArticleTerm>().AsNoTracking().Where(t => part.Contains(t.Term))
                .Select(t => new { t.ArticleId, t.Term, t.Weight }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (!postings.TryGetValue(row.ArticleId, out var list))
                {
                    postings[row.ArticleId] = list = [];
                }
                list.Add(new WeightedTerm(row.Term, row.Weight));
            }
        }

        var (ownCategories, ownTags) = await CategoriesAndTagsAsync(db, toRank, cancellationToken);
        var candidates = new HashSet<int>(postings.Keys);
        foreach (var categoryId in ownCategories.Values.SelectMany(c => c).Distinct())
        {
            candidates.UnionWith(await db.Set<ArticleCategory>().AsNoTracking()
                .Where(l => l.CategoryId == categoryId && l.Article!.PublishedAt != null)
                .OrderByDescending(l => l.Article!.PublishedAt).ThenByDescending(l => l.ArticleId)
                .Select(l => l.ArticleId).Take(RelatedIndex.MembersPerTermSet).ToListAsync(cancellationToken));
        }
        foreach (var tagId in ownTags.Values.SelectMany(t => t).Distinct())
        {
            candidates.UnionWith(await db.Set<ArticleTag>().AsNoTracking()
                .Where(l => l.TagId == tagId && l.Article!.PublishedAt != null)
                .OrderByDescending(l => l.Article!.PublishedAt).ThenByDescending(l => l.ArticleId)
                .Select(l => l.ArticleId).Take(RelatedIndex.MembersPerTermSet).ToListAsync(cancellationToken));
        }
        candidates.UnionWith(toRank);

        var candidateList = candidates.ToList();
        var (candidateCategories, candidateTags) = await CategoriesAndTagsAsync(db, candidateList, cancellationToken);
        var published = new Dictionary<int, DateTime?>();
        foreach (var part in candidateList.Chunk(IdChunk))
        {
            foreach (var row in await db.Articles.AsNoTracking().Where(a => part.Contains(a.Id))
                .Select(a => new { a.Id, a.PublishedAt }).ToListAsync(cancellationToken))
            {
                published[row.Id] = row.PublishedAt;
            }
        }

        // The stories to rank first, with all their terms; then the candidates with the terms they share.
        foreach (var id in toRank.Where(published.ContainsKey))
        {
            index.Add(new StoryFeatures(id, published[id], candidateCategories.GetValueOrDefault(id) ?? [],
                candidateTags.GetValueOrDefault(id) ?? [], ownTerms.GetValueOrDefault(id) ?? []));
        }
        foreach (var id in candidateList.Where(id => published.GetValueOrDefault(id) is not null))
        {
            index.Add(new StoryFeatures(id, published[id], candidateCategories.GetValueOrDefault(id) ?? [],
                candidateTags.GetValueOrDefault(id) ?? [], postings.GetValueOrDefault(id) ?? []));
        }
        return index;
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
        var related = db.Set<RelatedArticle>().AsNoTracking();

        var targets = new HashSet<int>(offers.Keys);
        foreach (var part in changed.Chunk(IdChunk))
        {
            targets.UnionWith(await related.Where(r => part.Contains(r.RelatedArticleId)).Select(r => r.ArticleId)
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
                    where part.Contains(r.ArticleId)
                    join a in db.Articles on r.RelatedArticleId equals a.Id into found
                    from a in found.DefaultIfEmpty()
                    orderby r.ArticleId, r.Rank
                    select new { r.ArticleId, r.RelatedArticleId, r.Score, PublishedAt = a == null ? null : a.PublishedAt })
                .ToListAsync(cancellationToken);
            var stored = rows.ToLookup(r => r.ArticleId);

            foreach (var target in part)
            {
                var offered = offers.GetValueOrDefault(target) ?? [];
                var entries = new List<RelatedScore>();
                var full = false;
                foreach (var entry in stored[target])
                {
                    if (changedSet.Contains(entry.RelatedArticleId))
                    {
                        // A story that now scores lower may have fallen below one this list never kept.
                        full |= !offered.TryGetValue(entry.RelatedArticleId, out var offer) || offer.Score < entry.Score;
                        continue;
                    }
                    if (entry.PublishedAt is not { } date)
                    {
                        full = true;
                        continue;
                    }
                    entries.Add(new RelatedScore(entry.RelatedArticleId, entry.Score, date));
                }
                if (full)
                {
                    fullRecompute.Add(target);
                    continue;
                }

                entries.AddRange(offered.Values);
                entries.Sort(RelatedIndex.Compare);
                var merged = entries.Take(StoredPerStory).ToList();
                var before = stored[target].Select(r => (r.RelatedArticleId, r.Score));
                if (!merged.Select(m => (m.StoryId, m.Score)).SequenceEqual(before))
                {
                    lists[target] = merged;
                }
            }
        }
        return fullRecompute;
    }

    private async Task WriteListsAsync(
        Dictionary<int, List<RelatedScore>> lists, IEnumerable<int> cleared, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = lists.Keys.Concat(cleared).Distinct().Order().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var part in ids.Chunk(TextChunk))
        {
            await DeleteByIdsAsync(db, "RelatedArticles", "ArticleId", part, cancellationToken);
        }
        await InsertAsync(db.Database.GetDbConnection(), transaction,
            "INSERT INTO RelatedArticles (ArticleId, Rank, RelatedArticleId, Score) VALUES (@a, @b, @c, @d)",
            lists.SelectMany(l => l.Value.Select((entry, i) => new object[] { l.Key, i + 1, entry.StoryId, entry.Score })),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private readonly record struct Link(int ArticleId, int TermId);

    private static async Task<Dictionary<int, List<int>>> LinksAsync(IQueryable<Link> links, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, List<int>>();
        await foreach (var link in links.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!result.TryGetValue(link.ArticleId, out var list))
            {
                result[link.ArticleId] = list = [];
            }
            list.Add(link.TermId);
        }
        return result;
    }

    private static async Task<(Dictionary<int, List<int>> Categories, Dictionary<int, List<int>> Tags)> CategoriesAndTagsAsync(
        NewsDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var categories = new Dictionary<int, List<int>>();
        var tags = new Dictionary<int, List<int>>();
        foreach (var part in ids.Chunk(IdChunk))
        {
            foreach (var (id, list) in await LinksAsync(db.Set<ArticleCategory>().AsNoTracking().Where(l => part.Contains(l.ArticleId))
                .Select(l => new Link(l.ArticleId, l.CategoryId)), cancellationToken))
            {
                categories[id] = list;
            }
            foreach (var (id, list) in await LinksAsync(db.Set<ArticleTag>().AsNoTracking().Where(l => part.Contains(l.ArticleId))
                .Select(l => new Link(l.ArticleId, l.TagId)), cancellationToken))
            {
                tags[id] = list;
            }
        }
        return (categories, tags);
    }

    private static Task DeleteByIdsAsync(NewsDbContext db, string table, string column, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return Task.CompletedTask;
        }
        // Table and column are our own constants and the ids are integers, so nothing here comes from a user.
        var sql = $"DELETE FROM {table} WHERE {column} IN ({string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})";
#pragma warning disable EF1002
        return db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>Runs one prepared statement per row: far faster than change tracking for thousands of rows.</summary>
    private static async Task InsertAsync(
        DbConnection connection, IDbContextTransaction transaction, string sql, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction.GetDbTransaction();
        DbParameter[]? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                parameters = new DbParameter[row.Length];
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i] = command.CreateParameter();
                    parameters[i].ParameterName = "@" + (char)('a' + i);
                    command.Parameters.Add(parameters[i]);
                }
            }
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i];
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>"term count term count …": terms never contain spaces.</summary>
    internal static string FormatCounts(Dictionary<string, int> counts)
    {
        var text = new StringBuilder();
        foreach (var (term, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }
            text.Append(term).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    internal static IEnumerable<KeyValuePair<string, int>> ParseCounts(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            yield return new(parts[i], int.Parse(parts[i + 1], CultureInfo.InvariantCulture));
        }
    }
}
