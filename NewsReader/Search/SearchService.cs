using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Articles;
using NewsReader.Data;

namespace NewsReader.Search;

/// <summary>One story in the search results: its card, its title and an excerpt with the matches marked.</summary>
public sealed record SearchHit(ArticleListItem Article, HighlightedText Title, HighlightedText Excerpt);

/// <summary>
/// Full-text search over published stories with the SQLite FTS5 table ArticleSearch (created, and
/// kept in step with Articles by triggers, in the AddArticleSearch migration).
/// </summary>
public sealed class SearchService(
    IDbContextFactory<NewsDbContext> dbFactory,
    IOptions<NewsReaderOptions> options,
    TimeProvider clock,
    ILogger<SearchService> logger)
{
    public const int PageSize = ArticleRepository.PageSize;

    // bm25 weights per column (Title, Summary, Body): a word in the headline says more about what a
    // story is about than the same word in its summary, and that more than one in its body.
    private const string Rank = "bm25(ArticleSearch, 10.0, 4.0, 1.0)";

    // Both sentinels as SQL literals for highlight() and snippet(); see HighlightedText.
    private const string Marks = "char(2), char(3)";

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
            var total = await db.Database.SqlQuery<int>($"""
                SELECT count(*) AS Value FROM ArticleSearch JOIN Articles a ON a.Id = ArticleSearch.rowid
                WHERE ArticleSearch MATCH {match} AND a.PublishedAt IS NOT NULL AND a.PublishedAt <= {now}
                """).SingleAsync(cancellationToken);
            if (total == 0 || skip >= total)
            {
                return new PagedList<SearchHit>([], page, PageSize, total);
            }

            var rows = await db.Database.SqlQueryRaw<HitRow>($"""
                SELECT ArticleSearch.rowid AS Id,
                       highlight(ArticleSearch, 0, {Marks}) AS Title,
                       highlight(ArticleSearch, 1, {Marks}) AS Summary,
                       snippet(ArticleSearch, 2, {Marks}, '…', 28) AS Body
                FROM ArticleSearch JOIN Articles a ON a.Id = ArticleSearch.rowid
                WHERE ArticleSearch MATCH @match AND a.PublishedAt IS NOT NULL AND a.PublishedAt <= @now
                ORDER BY {Rank}, a.PublishedAt DESC, a.Id DESC
                LIMIT @take OFFSET @skip
                """,
                new SqliteParameter("@match", match), new SqliteParameter("@now", now),
                new SqliteParameter("@take", PageSize), new SqliteParameter("@skip", skip))
                .ToListAsync(cancellationToken);

            var cards = await LoadCardsAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
            var hits = rows.Where(r => cards.ContainsKey(r.Id))
                .Select(r => new SearchHit(cards[r.Id], HighlightedText.Parse(r.Title), Excerpt(r)))
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

    private async Task<Dictionary<int, ArticleListItem>> LoadCardsAsync(
        NewsDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        var wordsPerMinute = options.Value.WordsPerMinute;
        var rows = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.Title, a.Slug, a.Summary, a.Author, PublishedAt = a.PublishedAt!.Value, a.LeadImage,
                Measure = new TextMeasure(a.WordCount, a.CjkCharacterCount, a.ImageCount),
                Categories = a.Categories.OrderBy(c => c.Position).Select(c => new TermLink(c.Category!.Name, c.Category.Slug)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new ArticleListItem(r.Id, r.Title, r.Slug, r.Summary, r.Author,
            r.PublishedAt, r.LeadImage, ReadTime.From(r.Measure, wordsPerMinute), r.Categories));
    }
}
