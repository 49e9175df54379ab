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
/// category pages, then every published story by id — cut into files of at most UrlsPerFile.
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

/// <summary>Writes sitemap XML straight to the response as rows arrive from the database.</summary>
public static class SitemapWriter
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly XmlWriterSettings Settings = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public static async Task WriteUrlSetAsync(Stream output, Uri siteUri, IAsyncEnumerable<SitemapEntry> entries,
        CancellationToken cancellationToken)
    {
        await using var writer = XmlWriter.Create(output, Settings);
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "urlset", Namespace);
        var written = 0;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await writer.WriteStartElementAsync(null, "url", Namespace);
            await writer.WriteElementStringAsync(null, "loc", Namespace, new Uri(siteUri, entry.Path.TrimStart('/')).AbsoluteUri);
            if (entry.LastModified is { } lastModified)
            {
                await writer.WriteElementStringAsync(null, "lastmod", Namespace, W3cDate(lastModified));
            }
            await writer.WriteEndElementAsync();
            // Send what is written in chunks rather than holding the whole document.
            if (++written % 1000 == 0)
            {
                await writer.FlushAsync();
            }
        }
        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
    }

    public static async Task WriteIndexAsync(Stream output, Uri siteUri, int parts)
    {
        await using var writer = XmlWriter.Create(output, Settings);
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "sitemapindex", Namespace);
        for (var part = 1; part <= parts; part++)
        {
            await writer.WriteStartElementAsync(null, "sitemap", Namespace);
            await writer.WriteElementStringAsync(null, "loc", Namespace, new Uri(siteUri, $"sitemap-{part}.xml").AbsoluteUri);
            await writer.WriteEndElementAsync();
        }
        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
    }

    private static string W3cDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
