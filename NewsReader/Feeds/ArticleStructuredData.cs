using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsReader.Articles;

namespace NewsReader.Feeds;

/// <summary>The schema.org NewsArticle description of a story, as JSON-LD for its page's head.</summary>
public static class ArticleStructuredData
{
    /// <summary>
    /// The JSON for a &lt;script type="application/ld+json"&gt; block. System.Text.Json's default
    /// encoder escapes &lt;, &gt;, &amp; and quotes as \uXXXX, so no title or name can close the
    /// script element ("&lt;/script&gt;") or otherwise leave the JSON.
    /// </summary>
    public static string ToJson(ArticleView article, Uri url, Uri? image)
    {
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = url.AbsoluteUri,
            ["url"] = url.AbsoluteUri,
            ["headline"] = article.Title,
            ["datePublished"] = Timestamp(article.PublishedAt),
            ["dateModified"] = Timestamp(article.UpdatedAt > article.PublishedAt ? article.UpdatedAt : article.PublishedAt),
            ["timeRequired"] = article.ReadTime.IsoDuration,
        };
        if (!string.IsNullOrWhiteSpace(article.Summary))
        {
            json["description"] = article.Summary;
        }
        if (!string.IsNullOrWhiteSpace(article.Author))
        {
            json["author"] = new JsonObject { ["@type"] = "Person", ["name"] = article.Author };
        }
        if (image is not null)
        {
            json["image"] = new JsonArray(image.AbsoluteUri);
        }
        if (article.Categories.Count > 0)
        {
            json["articleSection"] = article.Categories[0].Name;
        }
        if (article.Tags.Count > 0)
        {
            json["keywords"] = new JsonArray(article.Tags.Select(t => (JsonNode?)t.Name).ToArray());
        }
        return json.ToJsonString(JsonSerializerOptions.Default);
    }

    /// <summary>ISO 8601 in UTC, as schema.org and OpenGraph expect.</summary>
    public static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
