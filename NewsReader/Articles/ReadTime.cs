namespace NewsReader.Articles;

/// <summary>What the read time is computed from (DESIGN.md §6).</summary>
public readonly record struct TextMeasure(int Words, int CjkCharacters, int Images);

/// <summary>An estimated read time in whole seconds, with the labels readers see.</summary>
public readonly record struct ReadTime(int TotalSeconds)
{
    // STUB: implemented in the pure-logic work.
    public static ReadTime From(TextMeasure measure, int wordsPerMinute) => throw new NotImplementedException();

    /// <summary>ISO 8601 duration for the datetime attribute, e.g. "PT4M21S".</summary>
    public string IsoDuration => throw new NotImplementedException();

    /// <summary>"4 minutes, 21 seconds", "1 minute, 1 second", "45 seconds", "3 minutes".</summary>
    public string LongLabel => throw new NotImplementedException();

    /// <summary>For lists: "4 min read" (minutes rounded, at least 1).</summary>
    public string ShortLabel => throw new NotImplementedException();
}
