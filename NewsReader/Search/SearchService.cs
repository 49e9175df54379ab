using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Stories;
using NewsReader.Data;

namespace NewsReader.Search;

/// <summary>One story in the search results: its card, its title and an excerpt with the matches marked.</summary>
public sealed record SearchHit(StoryListItem Story, HighlightedText Title, HighlightedText Excerpt);

/// <summary>A page of search hits; <paramref name="NewestOnly"/> when more stories matched than were ranked.</summary>
public sealed record SearchResults(PagedList<SearchHit> Hits, bool NewestOnly);

/// <summary>
/// Full-text search over published stories with the SQLite FTS5 table ArticleSearch (created, and
/// kept in step with Stories by triggers, in the AddArticleSearch migration), or on PostgreSQL its
/// weighted text-search vector (<see cref="PostgresSearch"/>).
/// </summary>
public sealed class SearchService(
    IDbContextFactory<NewsDbContext> dbFactory,
    PublishedStories stories,
    StoryPositions positions,
    ILogger<SearchService> logger)
{
    public const int PageSize = PublishedStories.PageSize;

    // bm25 weights per column (Title, Summary, Body): a word in the headline says more about what a
    // story is about than the same word in its summary, and that more than one in its body.
    private const string Rank = "bm25(ArticleSearch, 10.0, 4.0, 1.0)";

    // Both sentinels as SQL literals for highlight() and snippet(); see HighlightedText.
    private const string Marks = "char(2), char(3)";

    /// <summary>
    /// A word in most stories is ranked among this many of its newest matches only: bm25 scores
    /// every match it ranks, and at 1,000,000 stories ranking all of them took hundreds of ms.
    /// </summary>
    public const int RankedMatchLimit = 1000;

    internal sealed record HitRow(int Id, string Title, string Summary, string Body);

    /// <summary>
    /// One page of published stories matching every word of the query, best first. When more than
    /// <see cref="RankedMatchLimit"/> stories match, the newest of them are the ones ranked and
    /// counted, and the result says so.
    /// </summary>
    public async Task<SearchResults> SearchAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return new SearchResults(new PagedList<SearchHit>([], page, PageSize, 0), NewestOnly: false);
        }

        var match = query.ToMatchExpression();
        var skip = (page - 1) * PageSize;
        var order = await positions.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            // FTS5 walks a word's matches in rowid order and stops at the limit, so this costs the
            // same for a word in every story as for a word in a few. Publish state is the order's.
            var sqlite = db.Database.IsSqlite();
            var newest = sqlite
                ? await db.Database.SqlQueryRaw<int>("""
                    SELECT rowid AS "Value" FROM ArticleSearch WHERE ArticleSearch MATCH @match
                    ORDER BY rowid DESC LIMIT @limit
                    """, new SqliteParameter("@match", match), new SqliteParameter("@limit", RankedMatchLimit + 1))
                    .ToListAsync(cancellationToken)
                : await PostgresSearch.NewestAsync(db, query, RankedMatchLimit + 1, cancellationToken);
            if (newest.Count == 0)
            {
                return new SearchResults(new PagedList<SearchHit>([], page, PageSize, 0), NewestOnly: false);
            }
            var newestOnly = newest.Count > RankedMatchLimit;
            var lowestId = newestOnly ? newest[RankedMatchLimit - 1] : newest[^1];

            // Ranking reads the index alone (a rowid range is a constraint FTS5 applies itself).
            var ranked = (sqlite
                ? await db.Database.SqlQueryRaw<int>($"""
                    SELECT rowid AS "Value" FROM ArticleSearch
                    WHERE ArticleSearch MATCH @match AND rowid >= @lowest
                    ORDER BY {Rank}, rowid DESC
                    """, new SqliteParameter("@match", match), new SqliteParameter("@lowest", lowestId))
                    .ToListAsync(cancellationToken)
                : await PostgresSearch.RankedAsync(db, query, lowestId, cancellationToken))
                .Where(order.IsPublished)
                .ToList();
            var ids = ranked.Skip(skip).Take(PageSize).ToList();
            if (ids.Count == 0)
            {
                return new SearchResults(new PagedList<SearchHit>([], page, PageSize, ranked.Count), newestOnly);
            }

            // Only the page's 20 stories are highlighted (highlight and snippet re-read and
            // re-tokenize a story's text) and loaded as cards. FTS5 takes the rowid range as its own
            // constraint but not the id list: without the range it walked every match of a common
            // word to find the 20.
            var marked = sqlite
                ? await db.Database.SqlQueryRaw<HitRow>($"""
                    SELECT rowid AS Id,
                           highlight(ArticleSearch, 0, {Marks}) AS Title,
                           highlight(ArticleSearch, 1, {Marks}) AS Summary,
                           snippet(ArticleSearch, 2, {Marks}, '…', 28) AS Body
                    FROM ArticleSearch
                    WHERE ArticleSearch MATCH @match AND rowid BETWEEN @first AND @last
                      AND rowid IN (SELECT value FROM json_each(@ids))
                    """, new SqliteParameter("@match", match), new SqliteParameter("@first", ids.Min()),
                    new SqliteParameter("@last", ids.Max()), new SqliteParameter("@ids", JsonSerializer.Serialize(ids)))
                    .ToDictionaryAsync(r => r.Id, cancellationToken)
                : await PostgresSearch.MarkedAsync(db, query, ids, cancellationToken);

            var cards = await stories.CardsAsync(db, ids, cancellationToken);
            var hits = ids.Where(id => cards.ContainsKey(id) && marked.ContainsKey(id))
                .Select(id => new SearchHit(cards[id], HighlightedText.Parse(marked[id].Title), Excerpt(marked[id])))
                .ToList();
            return new SearchResults(new PagedList<SearchHit>(hits, page, PageSize, ranked.Count), newestOnly);
        }
        catch (Exception ex) when (ex is SqliteException or Npgsql.PostgresException)
        {
            // The query is built from quoted words only, so this is not expected; but a reader's
            // input must never turn into an error page, so a failure reads as "nothing found".
            logger.LogWarning(ex, "Search for {Match} failed; answering with no results.", match);
            return new SearchResults(new PagedList<SearchHit>([], page, PageSize, 0), NewestOnly: false);
        }
    }

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
