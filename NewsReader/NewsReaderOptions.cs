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

    public AdminAccountOptions Admin { get; set; } = new();
}

public sealed class AdminAccountOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
