using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Data;
using NewsReader.Reactions;
using NewsReader.Related;

namespace NewsReader.Stories;

/// <summary>Everything the story page shows, read together.</summary>
public sealed record StoryPageData(
    StoryView Story,
    ReactionTally Reactions,
    IReadOnlyList<StoryLink> Related,
    StoryNeighbourLinks Neighbours);

/// <summary>
/// The story page's reads as one SQL statement: the story, its authors, categories and tags, its
/// reaction counts and the reader's own choice, its related stories and its neighbours by date.
/// </summary>
/// <remarks>
/// The story page is the page readers open most, and it used to be eight commands over four
/// contexts (a split query for the story's lists, then counts, choice, related, previous, next);
/// EF's per-command work was a third of an uncached view. Here the lists come back as JSON arrays
/// from correlated subqueries, one row in all. Each array carries its position (or rank), and is
/// put in order here: neither SQLite nor PostgreSQL promises the order in which an aggregate sees its rows.
/// </remarks>
public sealed class StoryPageReads(IDbContextFactory<NewsDbContext> dbFactory, IOptions<NewsReaderOptions> options, TimeProvider clock)
{
    /// <summary>Stored time values are text in this form (EF Core's for SQLite), so comparisons are textual.</summary>
    private const string StoredTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private const string SqliteSql = """
        SELECT a.Id, a.Title, a.Slug, a.Summary, a.BodyHtml, a.PublishedAt, a.UpdatedAt, a.LeadImage,
               a.WordCount, a.CjkCharacterCount, a.ImageCount, a.NotifiedUpdateAt, a.CorrectionHtml,
               (SELECT json_group_array(json_array(l.Position, w.Name, w.Slug))
                  FROM StoryAuthors l JOIN Authors w ON w.Id = l.AuthorId WHERE l.ArticleId = a.Id),
               (SELECT json_group_array(json_array(l.Position, c.Name, c.Slug))
                  FROM ArticleCategories l JOIN Categories c ON c.Id = l.CategoryId WHERE l.ArticleId = a.Id),
               (SELECT json_group_array(json_array(l.Position, t.Name, t.Slug))
                  FROM ArticleTags l JOIN Tags t ON t.Id = l.TagId WHERE l.ArticleId = a.Id),
               (SELECT json_group_array(json_array(k.Kind, k.Count))
                  FROM ReactionCounts k WHERE k.ArticleId = a.Id AND k.Count > 0),
               (SELECT r.Kind FROM Reactions r WHERE r.ArticleId = a.Id AND r.ReaderId = $reader),
               (SELECT json_group_array(json_array(r.Rank, s.Id, s.Title, s.Slug, s.PublishedAt))
                  FROM RelatedArticles r JOIN Articles s ON s.Id = r.RelatedArticleId
                 WHERE r.ArticleId = a.Id AND s.Id <> a.Id AND s.PublishedAt IS NOT NULL AND s.PublishedAt <= $now),
               (SELECT json_array(p.Id, p.Title, p.Slug, p.PublishedAt) FROM Articles p
                 WHERE p.PublishedAt IS NOT NULL AND (p.PublishedAt, p.Id) < (a.PublishedAt, a.Id)
                 ORDER BY p.PublishedAt DESC, p.Id DESC LIMIT 1),
               (SELECT json_array(n.Id, n.Title, n.Slug, n.PublishedAt) FROM Articles n
                 WHERE n.PublishedAt <= $now AND (n.PublishedAt, n.Id) > (a.PublishedAt, a.Id)
                 ORDER BY n.PublishedAt, n.Id LIMIT 1)
          FROM Articles a
         WHERE a.Slug = $slug AND a.PublishedAt IS NOT NULL AND a.PublishedAt <= $now
        """;

    // The same read in PostgreSQL's words: quoted names, json_agg, real timestamps.
    private const string PostgresSql = """
        SELECT a."Id", a."Title", a."Slug", a."Summary", a."BodyHtml", a."PublishedAt", a."UpdatedAt", a."LeadImage",
               a."WordCount", a."CjkCharacterCount", a."ImageCount", a."NotifiedUpdateAt", a."CorrectionHtml",
               (SELECT coalesce(json_agg(json_build_array(l."Position", w."Name", w."Slug")), '[]')
                  FROM "StoryAuthors" l JOIN "Authors" w ON w."Id" = l."AuthorId" WHERE l."ArticleId" = a."Id"),
               (SELECT coalesce(json_agg(json_build_array(l."Position", c."Name", c."Slug")), '[]')
                  FROM "ArticleCategories" l JOIN "Categories" c ON c."Id" = l."CategoryId" WHERE l."ArticleId" = a."Id"),
               (SELECT coalesce(json_agg(json_build_array(l."Position", t."Name", t."Slug")), '[]')
                  FROM "ArticleTags" l JOIN "Tags" t ON t."Id" = l."TagId" WHERE l."ArticleId" = a."Id"),
               (SELECT coalesce(json_agg(json_build_array(k."Kind", k."Count")), '[]')
                  FROM "ReactionCounts" k WHERE k."ArticleId" = a."Id" AND k."Count" > 0),
               (SELECT r."Kind" FROM "Reactions" r WHERE r."ArticleId" = a."Id" AND r."ReaderId" = @reader),
               (SELECT coalesce(json_agg(json_build_array(r."Rank", s."Id", s."Title", s."Slug", s."PublishedAt")), '[]')
                  FROM "RelatedArticles" r JOIN "Articles" s ON s."Id" = r."RelatedArticleId"
                 WHERE r."ArticleId" = a."Id" AND s."Id" <> a."Id" AND s."PublishedAt" IS NOT NULL AND s."PublishedAt" <= @now),
               (SELECT json_build_array(p."Id", p."Title", p."Slug", p."PublishedAt") FROM "Articles" p
                 WHERE p."PublishedAt" IS NOT NULL AND (p."PublishedAt", p."Id") < (a."PublishedAt", a."Id")
                 ORDER BY p."PublishedAt" DESC, p."Id" DESC LIMIT 1),
               (SELECT json_build_array(n."Id", n."Title", n."Slug", n."PublishedAt") FROM "Articles" n
                 WHERE n."PublishedAt" <= @now AND (n."PublishedAt", n."Id") > (a."PublishedAt", a."Id")
                 ORDER BY n."PublishedAt", n."Id" LIMIT 1)
          FROM "Articles" a
         WHERE a."Slug" = @slug AND a."PublishedAt" IS NOT NULL AND a."PublishedAt" <= @now
        """;

    /// <summary>The published story at <paramref name="slug"/> with all its page shows, or null.</summary>
    public async Task<StoryPageData?> ReadAsync(string slug, string? readerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sqlite = db.Database.IsSqlite();
        var mark = sqlite ? "$" : "@";
        command.CommandText = sqlite ? SqliteSql : PostgresSql;
        AddParameter(command, mark + "slug", slug);
        AddParameter(command, mark + "now", sqlite ? now.ToString(StoredTimeFormat, CultureInfo.InvariantCulture) : now);
        AddParameter(command, mark + "reader", (object?)readerId ?? DBNull.Value).DbType = System.Data.DbType.String;

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var story = new StoryView(
            Id: reader.GetInt32(0),
            Title: reader.GetString(1),
            Slug: reader.GetString(2),
            Summary: reader.GetString(3),
            Authors: Links(reader.GetString(13)),
            BodyHtml: reader.GetString(4),
            PublishedAt: Utc(reader.GetValue(5)),
            UpdatedAt: Utc(reader.GetValue(6)),
            LeadImage: reader.IsDBNull(7) ? null : reader.GetString(7),
            ReadTime: ReadTime.From(new TextMeasure(reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10)), options.Value.WordsPerMinute),
            Categories: Links(reader.GetString(14)),
            Tags: Links(reader.GetString(15)))
        {
            NotifiedUpdateAt = reader.IsDBNull(11) ? null : Utc(reader.GetValue(11)),
            CorrectionHtml = reader.GetString(12),
        };
        var tally = new ReactionTally(Counts(reader.GetString(16)), reader.IsDBNull(17) ? null : (ReactionKind)reader.GetInt32(17));
        var neighbours = new StoryNeighbourLinks(
            reader.IsDBNull(19) ? null : Link(reader.GetString(19)),
            reader.IsDBNull(20) ? null : Link(reader.GetString(20)));
        return new StoryPageData(story, tally, Related(reader.GetString(18)), neighbours);
    }

    private static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>A stored time: SQLite's text (UTC without an offset) or PostgreSQL's timestamp, in JSON as text with an offset.</summary>
    private static DateTime Utc(object stored) => stored switch
    {
        DateTime time => DateTime.SpecifyKind(time.ToUniversalTime(), DateTimeKind.Utc),
        _ => DateTime.Parse((string)stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
    };

    /// <summary>[[position, name, slug], …] in position order.</summary>
    private static List<TermLink> Links(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .OrderBy(item => item[0].GetInt32())
            .Select(item => new TermLink(item[1].GetString()!, item[2].GetString()!))
            .ToList();
    }

    private static Dictionary<ReactionKind, int> Counts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .ToDictionary(item => (ReactionKind)item[0].GetInt32(), item => item[1].GetInt32());
    }

    /// <summary>[[rank, id, title, slug, published], …]: the first shown, by rank.</summary>
    private static List<StoryLink> Related(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .OrderBy(item => item[0].GetInt32())
            .Take(RelatedStoriesService.Shown)
            .Select(item => new StoryLink(item[1].GetInt32(), item[2].GetString()!, item[3].GetString()!, Utc(item[4].GetString()!)))
            .ToList();
    }

    /// <summary>[id, title, slug, published].</summary>
    private static StoryLink Link(string json)
    {
        using var document = JsonDocument.Parse(json);
        var item = document.RootElement;
        return new StoryLink(item[0].GetInt32(), item[1].GetString()!, item[2].GetString()!, Utc(item[3].GetString()!));
    }
}
