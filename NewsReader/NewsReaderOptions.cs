namespace NewsReader;

/// <summary>The "NewsReader" configuration section (its keys are listed in the README).</summary>
public sealed class NewsReaderOptions
{
    public const string Section = "NewsReader";

    /// <summary>Story files imported when the database is empty; relative paths start at the repository root.</summary>
    public string ContentDirectory { get; set; } = "data/articles";

    public int WordsPerMinute { get; set; } = 200;

    /// <summary>False serves every reader page uncached, for measuring.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>
    /// Gzip/Brotli for pages and feeds. Off by default: measured on loopback it costs more CPU than
    /// it saves (BENCHMARKS.md), and a reverse proxy or CDN in front usually compresses anyway.
    /// Static files are compressed at build time and served by MapStaticAssets either way.
    /// </summary>
    public bool CompressResponses { get; set; }

    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>The IANA time zone of every date people see, and of the editor's schedule picker.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The language of dates and numbers, and of the pages' <c>lang</c>.</summary>
    public string Culture { get; set; } = "en-GB";

    /// <summary>
    /// The site's public address (https://news.example.org) behind a proxy: canonical links, feeds,
    /// sitemaps, the reaction origin check and secure cookies follow it instead of the request's Host.
    /// Unset: the request's own scheme and host.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Proxies (IP addresses, or networks as 10.0.0.0/8) whose X-Forwarded-For and X-Forwarded-Proto
    /// are believed. Unset: loopback only, a proxy on the same machine.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];
}

public sealed class AdminAccountOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
