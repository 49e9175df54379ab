using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Related;

/// <summary>
/// Loads, for the stories to rank, every story that could be related to them, with the features the
/// scoring compares (<see cref="RelatedIndex"/>).
/// </summary>
public sealed class RelatedCandidates(IDbContextFactory<NewsDbContext> dbFactory)
{
    /// <summary>Past this many stories to rank, whole tables are read instead of each story's neighbourhood.</summary>
    public const int WholeTableThreshold = 3000;

    private const int IdChunk = RelatedSql.IdChunk;

    /// <summary>
    /// Loads the stories to rank with everything that could be related to them: the stories sharing
    /// one of their indexed terms, and the newest stories of their categories and tags.
    /// </summary>
    public async Task<RelatedIndex> LoadAsync(
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
            var all = await db.Stories.AsNoTracking().Select(a => new { a.Id, a.PublishedAt }).ToListAsync(cancellationToken);
            var categories = await LinksAsync(db.Set<StoryCategory>().AsNoTracking().Select(l => new Link(l.StoryId, l.CategoryId)), cancellationToken);
            var tags = await LinksAsync(db.Set<StoryTag>().AsNoTracking().Select(l => new Link(l.StoryId, l.TagId)), cancellationToken);
            var terms = new Dictionary<int, List<WeightedTerm>>();
            await foreach (var row in db.Set<StoryTerm>().AsNoTracking().Select(t => new { t.StoryId, t.Term, t.Weight })
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (!terms.TryGetValue(row.StoryId, out var list))
                {
                    terms[row.StoryId] = list = [];
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
            var rows = await db.Set<StoryTerm>().AsNoTracking().Where(t => part.Contains(t.StoryId))
                .Select(t => new { t.StoryId, t.Term, t.Weight }).ToListAsync(cancellationToken);
            foreach (var group in rows.GroupBy(r => r.StoryId))
            {
                ownTerms[group.Key] = group.Select(r => new WeightedTerm(r.Term, r.Weight)).ToList();
            }
        }

        var allTerms = ownTerms.Values.SelectMany(t => t).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        var postings = await TopPostingsAsync(db, allTerms, cancellationToken);

        var (ownCategories, ownTags) = await CategoriesAndTagsAsync(db, toRank, cancellationToken);
        var candidates = new HashSet<int>(postings.Keys);
        foreach (var categoryId in ownCategories.Values.SelectMany(c => c).Distinct())
        {
            candidates.UnionWith(await db.Set<StoryCategory>().AsNoTracking()
                .Where(l => l.CategoryId == categoryId && l.Story!.PublishedAt != null)
                .OrderByDescending(l => l.Story!.PublishedAt).ThenByDescending(l => l.StoryId)
                .Select(l => l.StoryId).Take(RelatedIndex.MembersPerTermSet).ToListAsync(cancellationToken));
        }
        foreach (var tagId in ownTags.Values.SelectMany(t => t).Distinct())
        {
            candidates.UnionWith(await db.Set<StoryTag>().AsNoTracking()
                .Where(l => l.TagId == tagId && l.Story!.PublishedAt != null)
                .OrderByDescending(l => l.Story!.PublishedAt).ThenByDescending(l => l.StoryId)
                .Select(l => l.StoryId).Take(RelatedIndex.MembersPerTermSet).ToListAsync(cancellationToken));
        }
        candidates.UnionWith(toRank);

        var candidateList = candidates.ToList();
        var (candidateCategories, candidateTags) = await CategoriesAndTagsAsync(db, candidateList, cancellationToken);
        var published = new Dictionary<int, DateTime?>();
        foreach (var part in candidateList.Chunk(IdChunk))
        {
            foreach (var row in await db.Stories.AsNoTracking().Where(a => part.Contains(a.Id))
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
    /// For each term, the stories that weigh it most: the first <see cref="RelatedIndex.PostingsPerTerm"/>
    /// by weight, which is all the ranking reads of a posting list. Read from the (Term, Weight) index
    /// one term at a time, so a term shared by half of a million stories costs what a rare one does.
    /// </summary>
    private static async Task<Dictionary<int, List<WeightedTerm>>> TopPostingsAsync(
        NewsDbContext db, List<string> terms, CancellationToken cancellationToken)
    {
        var postings = new Dictionary<int, List<WeightedTerm>>();
        if (terms.Count == 0)
        {
            return postings;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"""SELECT "ArticleId", "Weight" FROM "ArticleTerms" WHERE "Term" = @term ORDER BY "Weight" DESC LIMIT {RelatedIndex.PostingsPerTerm}""";
        var term = command.CreateParameter();
        term.ParameterName = "@term";
        command.Parameters.Add(term);
        foreach (var value in terms)
        {
            term.Value = value;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var storyId = reader.GetInt32(0);
                if (!postings.TryGetValue(storyId, out var list))
                {
                    postings[storyId] = list = [];
                }
                list.Add(new WeightedTerm(value, reader.GetFloat(1)));
            }
        }
        return postings;
    }

    private readonly record struct Link(int StoryId, int TermId);

    private static async Task<Dictionary<int, List<int>>> LinksAsync(IQueryable<Link> links, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, List<int>>();
        await foreach (var link in links.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!result.TryGetValue(link.StoryId, out var list))
            {
                result[link.StoryId] = list = [];
            }
            list.Add(link.TermId);
        }
        return result;
    }

    internal static async Task<(Dictionary<int, List<int>> Categories, Dictionary<int, List<int>> Tags)> CategoriesAndTagsAsync(
        NewsDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var categories = new Dictionary<int, List<int>>();
        var tags = new Dictionary<int, List<int>>();
        foreach (var part in ids.Chunk(IdChunk))
        {
            foreach (var (id, list) in await LinksAsync(db.Set<StoryCategory>().AsNoTracking().Where(l => part.Contains(l.StoryId))
                .Select(l => new Link(l.StoryId, l.CategoryId)), cancellationToken))
            {
                categories[id] = list;
            }
            foreach (var (id, list) in await LinksAsync(db.Set<StoryTag>().AsNoTracking().Where(l => part.Contains(l.StoryId))
                .Select(l => new Link(l.StoryId, l.TagId)), cancellationToken))
            {
                tags[id] = list;
            }
        }
        return (categories, tags);
    }

}
