namespace NewsReader.Data;

/// <summary>The sizes editors and story files are held to; the database columns follow them.</summary>
public static class StoryLimits
{
    public const int TitleLength = 300;
    public const int SlugLength = 100;
    public const int SummaryLength = 1000;
    public const int TermLength = 100;

    /// <summary>A correction note is a paragraph or two, not a second story.</summary>
    public const int CorrectionLength = 4000;

    /// <summary>A body (and a story file) may be at most 1 MB.</summary>
    public const int BodyBytes = 1024 * 1024;
}
