namespace NewsReader.Stories;

/// <summary>What the read time is computed from: words of the title and the body's plain text, Han/Kana/Hangul characters, and images.</summary>
public readonly record struct TextMeasure(int Words, int CjkCharacters, int Images);

/// <summary>An estimated read time in whole seconds, with the labels readers see.</summary>
public readonly record struct ReadTime(int TotalSeconds)
{
    // Han, Hiragana, Katakana and Hangul characters are read at this many a minute.
    private const int CjkCharactersPerMinute = 500;

    /// <summary>
    /// seconds = round(words × 60 / wordsPerMinute + CJK characters × 60 / 500 + image seconds), at least 1.
    /// </summary>
    public static ReadTime From(TextMeasure measure, int wordsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordsPerMinute);

        // Summed as one fraction over a common denominator so that halves round away from zero exactly;
        // floating point could land a hair under .5 and round down. Int128 keeps any int input in range.
        Int128 denominator = (Int128)CjkCharactersPerMinute * wordsPerMinute;
        var numerator = (Int128)Math.Max(0, measure.Words) * 60 * CjkCharactersPerMinute
            + (Int128)Math.Max(0, measure.CjkCharacters) * 60 * wordsPerMinute
            + ImageSeconds(measure.Images) * denominator;
        var seconds = (2 * numerator + denominator) / (2 * denominator);

        return new ReadTime((int)Int128.Clamp(seconds, 1, int.MaxValue));
    }

    // 12 s for the first image, 11 s for the second, … 3 s for the tenth and each one after.
    private static long ImageSeconds(int images)
    {
        long count = Math.Max(0, images);
        return count <= 10
            ? (12 * count) - (count * (count - 1) / 2)
            : 75 + (3 * (count - 10));
    }

    /// <summary>ISO 8601 duration for the datetime attribute, e.g. "PT4M21S".</summary>
    public string IsoDuration
    {
        get
        {
            var total = Math.Max(0, TotalSeconds);
            var hours = total / 3600;
            var minutes = total % 3600 / 60;
            var seconds = total % 60;
            var duration = "PT";
            if (hours > 0)
            {
                duration += $"{hours}H";
            }

            if (minutes > 0)
            {
                duration += $"{minutes}M";
            }

            if (seconds > 0 || total == 0)
            {
                duration += $"{seconds}S";
            }

            return duration;
        }
    }

    /// <summary>"4 minutes, 21 seconds", "1 minute, 1 second", "45 seconds", "3 minutes".</summary>
    public string LongLabel
    {
        get
        {
            var total = Math.Max(0, TotalSeconds);
            var minutes = total / 60;
            var seconds = total % 60;
            if (minutes == 0)
            {
                return Count(seconds, "second");
            }

            return seconds == 0
                ? Count(minutes, "minute")
                : $"{Count(minutes, "minute")}, {Count(seconds, "second")}";
        }
    }

    /// <summary>For lists: "4 min read" (minutes rounded, at least 1).</summary>
    public string ShortLabel => $"{Math.Max(1, (Math.Max(0L, TotalSeconds) + 30) / 60)} min read";

    private static string Count(int value, string unit) => value == 1 ? $"1 {unit}" : $"{value} {unit}s";
}
