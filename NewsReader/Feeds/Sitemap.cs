using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsReader.Feeds;

public sealed class SitemapOptions
{
    /// <summary>The sitemap protocol's limit per file; above it /sitemap.xml becomes an index of parts.</summary>
    public int UrlsPerFile { get; set; } = 50_000;
}

/// <summary>
/// Which URLs go in which sitemap file. The site's URLs are one sequence — the home page, the
/// category pages, then every published story oldest first — cut into files of at most UrlsPerFile.
/// When it fits in one, /sitemap.xml is that file; otherwise /sitemap.xml is an index and part N
/// (/sitemap-N.xml, from 1) holds the Nth slice.
/// </summary>
public readonly record struct SitemapLayout(int ListPages, int Stories, int UrlsPerFile)
{
    public long TotalUrls => (long)ListPages + Stories;

    public bool IsIndex => TotalUrls > UrlsPerFile;

    public int PartCount => IsIndex ? (int)((TotalUrls + UrlsPerFile - 1) / UrlsPerFile) : 1;

    /// <summary>The list pages and the story range (skip, take) part <paramref name="part"/> holds.</summary>
    public (int ListSkip, int ListTake, int StorySkip, int StoryTake) Part(int part)
    {
        var start = (long)(part - 1) * UrlsPerFile;
        var end = Math.Min(start + UrlsPerFile, TotalUrls);
        var listSkip = (int)Math.Min(start, ListPages);
        var listTake = (int)Math.Max(0, Math.Min(end, ListPages) - listSkip);
        var storySkip = (int)Math.Max(0, start - ListPages);
        var storyTake = (int)Math.Max(0, end - ListPages - storySkip);
        return (listSkip, listTake, storySkip, storyTake);
    }
}

/// <summary>
/// Writes sitemap XML to the response as rows arrive from the database. The XML is written
/// synchronously into a small buffer that is sent, asynchronously, every few hundred URLs: memory
/// stays flat for 50,000 URLs, and no async call is paid per element.
/// </summary>
public static class SitemapWriter
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const int UrlsPerChunk = 500;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public static async Task WriteUrlSetAsync(Stream output, Uri siteUri, IAsyncEnumerable<SitemapEntry> entries,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", Namespace);
            var written = 0;
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, new Uri(siteUri, entry.Path.TrimStart('/')).AbsoluteUri);
                if (entry.LastModified is { } lastModified)
                {
                    writer.WriteElementString("lastmod", Namespace, W3cDate(lastModified));
                }
                writer.WriteEndElement();
                if (++written % UrlsPerChunk == 0)
                {
                    writer.Flush();
                    await SendAsync(buffer, output, cancellationToken);
                }
            }
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        await SendAsync(buffer, output, cancellationToken);
    }

    public static async Task WriteIndexAsync(Stream output, Uri siteUri, int parts, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("sitemapindex", Namespace);
            for (var part = 1; part <= parts; part++)
            {
                writer.WriteStartElement("sitemap", Namespace);
                writer.WriteElementString("loc", Namespace, new Uri(siteUri, $"sitemap-{part}.xml").AbsoluteUri);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        await SendAsync(buffer, output, cancellationToken);
    }

    // Sends what the buffer holds and empties it; the writer goes on writing at position 0.
    private static async Task SendAsync(MemoryStream buffer, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        buffer.SetLength(0);
    }

    private static string W3cDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
