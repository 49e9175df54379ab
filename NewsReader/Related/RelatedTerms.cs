using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Related;

/// <summary>
/// The term index behind related stories: each story's term counts (StoryTermCounts), how many
/// stories hold each term (TermStats), and each story's strongest TF-IDF terms (StoryTerms).
/// </summary>
public sealed class RelatedTerms(IDbContextFactory<NewsDbContext> dbFactory)
{
    private const int IdChunk = RelatedSql.IdChunk;
    private const int TextChunk = RelatedSql.TextChunk;

    /// <summary>
    /// Counts the terms of the stories, stores them and moves the document frequencies from the old
    /// terms to the new. Returns the publish times of the stories that still exist.
    /// </summary>
    public async Task<Dictionary<int, DateTime?>> CountAsync(
        List<int> ids, Dictionary<int, Dictionary<string, int>>? keptCounts, CancellationToken cancellationToken)
    {
        var publishedAt = new Dictionary<int, DateTime?>();
        foreach (var chunk in ids.Chunk(TextChunk))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var stories = new List<(int Id, DateTime? PublishedAt, Dictionary<string, int> Counts)>();
            foreach (var part in chunk.Chunk(IdChunk))
            {
                var rows = await db.Stories.AsNoTracking().Where(a => part.Contains(a.Id))
                    .Select(a => new { a.Id, a.Title, a.Summary, a.BodyHtml, a.PublishedAt })
                    .ToListAsync(cancellationToken);
                stories.AddRange(rows.AsParallel().AsOrdered()
                    .Select(r => (r.Id, r.PublishedAt, TextAnalyzer.CountTerms(r.Title, r.Summary, r.BodyHtml))));
            }

            var frequencyChanges = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var part in chunk.Chunk(IdChunk))
            {
                var previous = await db.Set<StoryTermCount>().AsNoTracking().Where(c => part.Contains(c.StoryId))
                    .Select(c => c.Terms).ToListAsync(cancellationToken);
                foreach (var (term, _) in previous.SelectMany(TermCounts.Parse))
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
            await RelatedSql.DeleteByIdsAsync(db, "ArticleTermCounts", "ArticleId", chunk, cancellationToken);
            await RelatedSql.InsertAsync(connection, transaction, """INSERT INTO "ArticleTermCounts" ("ArticleId", "Terms") VALUES (@a, @b)""",
                stories.Select(s => new object[] { s.Id, TermCounts.Format(s.Counts) }), cancellationToken);
            await RelatedSql.InsertAsync(connection, transaction,
                """INSERT INTO "TermStats" ("Term", "Documents") VALUES (@a, @b) ON CONFLICT ("Term") DO UPDATE SET "Documents" = "TermStats"."Documents" + excluded."Documents" """,
                frequencyChanges.Where(c => c.Value != 0).Select(c => new object[] { c.Key, c.Value }), cancellationToken);
            if (frequencyChanges.Values.Any(v => v < 0))
            {
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "TermStats" WHERE "Documents" <= 0""", cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return publishedAt;
    }

    /// <summary>Stores each story's strongest terms, weighed with the current document frequencies.</summary>
    public async Task<Dictionary<int, IReadOnlyList<WeightedTerm>>> WeighAsync(
        List<int> ids, Dictionary<int, Dictionary<string, int>>? keptCounts, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, IReadOnlyList<WeightedTerm>>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var documentCount = await db.Set<StoryTermCount>().CountAsync(cancellationToken);
            var wholeTable = ids.Count > RelatedCandidates.WholeTableThreshold;
            var frequencies = wholeTable
                ? await db.Set<TermStat>().AsNoTracking().ToDictionaryAsync(s => s.Term, s => s.Documents, StringComparer.Ordinal, cancellationToken)
                : new Dictionary<string, int>(StringComparer.Ordinal);

            foreach (var chunk in ids.Chunk(TextChunk))
            {
                var counts = keptCounts ?? new Dictionary<int, Dictionary<string, int>>();
                foreach (var part in keptCounts is null ? chunk.Chunk(IdChunk) : [])
                {
                    var rows = await db.Set<StoryTermCount>().AsNoTracking().Where(c => part.Contains(c.StoryId))
                        .ToListAsync(cancellationToken);
                    foreach (var row in rows)
                    {
                        counts[row.StoryId] = TermCounts.Parse(row.Terms).ToDictionary(StringComparer.Ordinal);
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
                await RelatedSql.DeleteByIdsAsync(db, "ArticleTerms", "ArticleId", chunk, cancellationToken);
                await RelatedSql.InsertAsync(db.Database.GetDbConnection(), transaction,
                    """INSERT INTO "ArticleTerms" ("ArticleId", "Term", "Weight") VALUES (@a, @b, @c)""",
                    chunk.Where(result.ContainsKey).SelectMany(id => result[id].Select(t => new object[] { id, t.Term, t.Weight })),
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        return result;
    }
}
