using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsReader.Feeds;

/// <summary>
/// A Google News sitemap: the stories of the last two days with their publication date and
/// title, which news search reads to find new stories within minutes of publication.
/// </summary>
public static class NewsSitemap
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    public static byte[] Write(IReadOnlyList<(string Slug, string Title, DateTime PublishedAt)> stories, Uri siteUri, string language)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", SitemapNamespace);
            writer.WriteAttributeString("xmlns", "news", null, NewsNamespace);
            foreach (var (slug, title, publishedAt) in stories)
            {
                writer.WriteStartElement("url", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, new Uri(siteUri, $"articles/{Uri.EscapeDataString(slug)}").AbsoluteUri);
                writer.WriteStartElement("news", "news", NewsNamespace);
                writer.WriteStartElement("news", "publication", NewsNamespace);
                writer.WriteElementString("news", "name", NewsNamespace, FeedDocuments.SiteTitle);
                writer.WriteElementString("news", "language", NewsNamespace, language);
                writer.WriteEndElement();
                writer.WriteElementString("news", "publication_date", NewsNamespace,
                    DateTime.SpecifyKind(publishedAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.WriteElementString("news", "title", NewsNamespace, XmlText.Clean(title));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        return buffer.ToArray();
    }
}
