using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsReader.Stories;

namespace NewsReader.Feeds;

/// <summary>The schema.org NewsArticle description of a story, as JSON-LD for its page's head.</summary>
public static class StoryStructuredData
{
    /// <summary>
    /// The JSON for a &lt;script type="application/ld+json"&gt; block. System.Text.Json's default
    /// encoder escapes &lt;, &gt;, &amp; and quotes as \uXXXX, so no title or name can close the
    /// script element ("&lt;/script&gt;") or otherwise leave the JSON.
    /// </summary>
    public static string ToJson(StoryView story, Uri url, Uri? image)
    {
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = url.AbsoluteUri,
            ["url"] = url.AbsoluteUri,
            ["headline"] = story.Title,
            ["datePublished"] = Timestamp(story.PublishedAt),
            ["dateModified"] = Timestamp(story.ModifiedAt),
            ["timeRequired"] = story.ReadTime.IsoDuration,
        };
        if (!string.IsNullOrWhiteSpace(story.Summary))
        {
            json["description"] = story.Summary;
        }
        if (!string.IsNullOrWhiteSpace(story.Author))
        {
            json["author"] = new JsonObject { ["@type"] = "Person", ["name"] = story.Author };
        }
        if (image is not null)
        {
            json["image"] = new JsonArray(image.AbsoluteUri);
        }
        if (story.Categories.Count > 0)
        {
            json["articleSection"] = story.Categories[0].Name;
        }
        if (story.Tags.Count > 0)
        {
            json["keywords"] = new JsonArray(story.Tags.Select(t => (JsonNode?)t.Name).ToArray());
        }
        if (story.CorrectionHtml.Length > 0)
        {
            json["correction"] = new JsonObject
            {
                ["@type"] = "CorrectionComment",
                ["text"] = TextOf(story.CorrectionHtml),
                ["datePublished"] = Timestamp(story.ModifiedAt),
            };
        }
        return json.ToJsonString(JsonSerializerOptions.Default);
    }

    // The note's HTML came from the sanitiser: dropping its tags leaves the text a reader sees
    // (a block's end becomes a space, so paragraphs do not run together).
    private static string TextOf(string html)
    {
        var text = Regex.Replace(html, "</(p|li|h[1-6]|blockquote)>|<br ?/?>", " ");
        text = System.Net.WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]*>", ""));
        return Regex.Replace(text, @"\s+", " ").Trim();
    }

    /// <summary>ISO 8601 in UTC, as schema.org and OpenGraph expect.</summary>
    public static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
