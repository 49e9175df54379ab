namespace NewsReader;

/// <summary>The "NewsReader" configuration section (DESIGN.md §4).</summary>
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
}

public sealed class AdminAccountOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
