using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Stories;
using NewsReader.Data;

namespace NewsReader.Search;

/// <summary>One story in the search results: its card, its title and an excerpt with the matches marked.</summary>
public sealed record SearchHit(StoryListItem Story, HighlightedText Title, HighlightedText Excerpt);

/// <summary>
/// Full-text search over published stories with the SQLite FTS5 table ArticleSearch (created, and
/// kept in step with Stories by triggers, in the AddArticleSearch migration).
/// </summary>
public sealed class SearchService(
    IDbContextFactory<NewsDbContext> dbFactory,
    PublishedStories stories,
    TimeProvider clock,
    ILogger<SearchService> logger)
{
    public const int PageSize = PublishedStories.PageSize;

    // bm25 weights per column (Title, Summary, Body): a word in the headline says more about what a
    // story is about than the same word in its summary, and that more than one in its body.
    private const string Rank = "bm25(ArticleSearch, 10.0, 4.0, 1.0)";

    // Both sentinels as SQL literals for highlight() and snippet(); see HighlightedText.
    private const string Marks = "char(2), char(3)";

    // Published stories only. Drafts and scheduled stories are few, so they are left out by id
    // (through the PublishedAt index) rather than by reading PublishedAt from each matching
    // story's row, which with long bodies means walking its overflow pages: at 100,000 stories
    // that is seconds per search. The unary + keeps the id list from being offered to FTS5 as a
    // rowid constraint (measured with "rowid IN (published ids)": one ranked query took minutes).
    private const string PublishedOnly =
        "+ArticleSearch.rowid NOT IN (SELECT Id FROM Articles WHERE PublishedAt IS NULL OR PublishedAt > @now)";

    private sealed record HitRow(int Id, string Title, string Summary, string Body);

    /// <summary>One page of published stories matching every word of the query, best first.</summary>
    public async Task<PagedList<SearchHit>> SearchAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return new PagedList<SearchHit>([], page, PageSize, 0);
        }

        var match = query.ToMatchExpression();
        var now = clock.GetUtcNow().UtcDateTime;
        var skip = (long)(page - 1) * PageSize;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            var total = await db.Database.SqlQueryRaw<int>($"""
                SELECT count(*) AS "Value" FROM ArticleSearch
                WHERE ArticleSearch MATCH @match AND {PublishedOnly}
                """, Parameters(match, now)).SingleAsync(cancellationToken);
            if (total == 0 || skip >= total)
            {
                return new PagedList<SearchHit>([], page, PageSize, total);
            }

            // Ranking reads the index alone; only the page's 20 stories are then highlighted
            // (highlight and snippet re-read and re-tokenize a story's text) and loaded as cards.
            var ids = await db.Database.SqlQueryRaw<int>($"""
                SELECT rowid AS "Value" FROM ArticleSearch
                WHERE ArticleSearch MATCH @match AND {PublishedOnly}
                ORDER BY {Rank}, rowid DESC
                LIMIT @take OFFSET @skip
                """, [.. Parameters(match, now), new SqliteParameter("@take", PageSize), new SqliteParameter("@skip", skip)])
                .ToListAsync(cancellationToken);

            var marked = await db.Database.SqlQueryRaw<HitRow>($"""
                SELECT rowid AS Id,
                       highlight(ArticleSearch, 0, {Marks}) AS Title,
                       highlight(ArticleSearch, 1, {Marks}) AS Summary,
                       snippet(ArticleSearch, 2, {Marks}, '…', 28) AS Body
                FROM ArticleSearch
                WHERE ArticleSearch MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))
                """, new SqliteParameter("@match", match), new SqliteParameter("@ids", JsonSerializer.Serialize(ids)))
                .ToDictionaryAsync(r => r.Id, cancellationToken);

            var cards = await stories.CardsAsync(db, ids, cancellationToken);
            var hits = ids.Where(id => cards.ContainsKey(id) && marked.ContainsKey(id))
                .Select(id => new SearchHit(cards[id], HighlightedText.Parse(marked[id].Title), Excerpt(marked[id])))
                .ToList();
            return new PagedList<SearchHit>(hits, page, PageSize, total);
        }
        catch (SqliteException ex)
        {
            // The query is built from quoted words only, so this is not expected; but a reader's
            // input must never turn into an error page, so a failure reads as "nothing found".
            logger.LogWarning(ex, "Search for {Match} failed; answering with no results.", match);
            return new PagedList<SearchHit>([], page, PageSize, 0);
        }
    }

    private static SqliteParameter[] Parameters(string match, DateTime now) =>
        [new("@match", match), new("@now", now)];

    // The body snippet when the body has a match; otherwise the summary (with its marks, if any),
    // which says more than the first words of a body that does not mention the search words.
    private static HighlightedText Excerpt(HitRow row)
    {
        var body = HighlightedText.ParseMarkdownSnippet(row.Body);
        if (body.HasMatch || string.IsNullOrWhiteSpace(row.Summary))
        {
            return body;
        }
        return HighlightedText.Parse(row.Summary);
    }
}
