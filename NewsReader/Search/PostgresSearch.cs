using Microsoft.EntityFrameworkCore;
using Npgsql;
using NewsReader.Data;

namespace NewsReader.Search;

/// <summary>
/// The search's three reads on PostgreSQL: the stored, weighted "SearchVector" column of Articles
/// (title A, summary B, body C; made in the first PostgreSQL migration) and its GIN index.
/// The reader's words reach the server only through plainto_tsquery, which reads no operators:
/// whatever is typed, it is words to find, all of them.
/// </summary>
internal static class PostgresSearch
{
    // ts_rank's weights for D, C, B, A: body 0.1, summary 0.4, title 1.0, as the SQLite ranking's 1:4:10.
    private const string Query = "plainto_tsquery('simple', @words)";
    private const string Rank = $"""ts_rank(ARRAY[0.1, 0.1, 0.4, 1.0]::real[], "SearchVector", {Query})""";

    private static readonly string WholeOptions =
        $"StartSel={HighlightedText.MatchStart}, StopSel={HighlightedText.MatchEnd}, HighlightAll=true";

    private static readonly string SnippetOptions =
        $"StartSel={HighlightedText.MatchStart}, StopSel={HighlightedText.MatchEnd}, MaxWords=28, MinWords=12, ShortWord=0, MaxFragments=1";

    public static Task<List<int>> NewestAsync(NewsDbContext db, SearchQuery query, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>($"""
            SELECT "Id" AS "Value" FROM "Articles" WHERE "SearchVector" @@ {Query}
            ORDER BY "Id" DESC LIMIT @limit
            """, Words(query), new NpgsqlParameter("limit", limit))
            .ToListAsync(cancellationToken);

    public static Task<List<int>> RankedAsync(NewsDbContext db, SearchQuery query, int lowestId, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>($"""
            SELECT "Id" AS "Value" FROM "Articles"
            WHERE "SearchVector" @@ {Query} AND "Id" >= @lowest
            ORDER BY {Rank} DESC, "Id" DESC
            """, Words(query), new NpgsqlParameter("lowest", lowestId))
            .ToListAsync(cancellationToken);

    /// <summary>The page's stories with the matches marked: title and summary whole, the body as a snippet.</summary>
    public static async Task<Dictionary<int, SearchService.HitRow>> MarkedAsync(
        NewsDbContext db, SearchQuery query, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<MarkedRow>($"""
            SELECT "Id",
                   ts_headline('simple', "Title", {Query}, @whole) AS "Title",
                   ts_headline('simple', "Summary", {Query}, @whole) AS "Summary",
                   ts_headline('simple', "Body", {Query}, @snippet) AS "Body",
                   "Body" AS "FullBody"
            FROM "Articles" WHERE "Id" = ANY(@ids)
            """, Words(query), new NpgsqlParameter("whole", WholeOptions), new NpgsqlParameter("snippet", SnippetOptions),
            new NpgsqlParameter("ids", ids.ToArray()))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SearchService.HitRow(r.Id, r.Title, r.Summary, WithEllipses(r.Body, r.FullBody)));
    }

    private sealed record MarkedRow(int Id, string Title, string Summary, string Body, string FullBody);

    private static NpgsqlParameter Words(SearchQuery query) => new("words", string.Join(' ', query.Words));

    /// <summary>An excerpt cut from inside the body says so with "…" at the cut ends, as SQLite's snippet() does.</summary>
    private static string WithEllipses(string snippet, string body)
    {
        var plain = snippet.Replace(HighlightedText.MatchStart.ToString(), "", StringComparison.Ordinal)
            .Replace(HighlightedText.MatchEnd.ToString(), "", StringComparison.Ordinal).Trim();
        if (plain.Length == 0)
        {
            return snippet;
        }
        var trimmed = body.Trim();
        var start = trimmed.StartsWith(plain, StringComparison.Ordinal) ? "" : "…";
        var end = trimmed.EndsWith(plain, StringComparison.Ordinal) ? "" : "…";
        return start + snippet + end;
    }
}
