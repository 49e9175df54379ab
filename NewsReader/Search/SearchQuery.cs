using System.Globalization;
using System.Text;

namespace NewsReader.Search;

/// <summary>
/// What a reader typed into the search box, reduced to the words to look for. FTS5 has its own
/// query language (quotes, *, NEAR, AND/OR/NOT, column filters); readers do not write it, so every
/// word is quoted as an FTS5 string and nothing they type can be read as syntax or cause an error.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Input beyond this many characters is ignored: no news search needs more.</summary>
    public const int MaxInputLength = 200;

    /// <summary>
    /// Words beyond this many are not searched: every word is one more FTS5 term to look up and
    /// intersect, and a news search that needs more than eight words is rare.
    /// </summary>
    public const int MaxWords = 8;

    private SearchQuery(string text, IReadOnlyList<string> words, bool hasMoreWords)
    {
        Text = text;
        Words = words;
        HasMoreWords = hasMoreWords;
    }

    /// <summary>The reader's input, trimmed and cut to <see cref="MaxInputLength"/>, for showing back.</summary>
    public string Text { get; }

    /// <summary>Runs of letters and digits (with their combining marks), in the order typed, no repeats.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    /// <summary>True when the input had more than <see cref="MaxWords"/> different words, so only the first ones are searched.</summary>
    public bool HasMoreWords { get; }

    public static SearchQuery Parse(string? input)
    {
        var text = Cut(input?.Trim() ?? "", MaxInputLength);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (word.Length > 0 && IsMark(rune)))
            {
                word.Append(rune.ToString());
                continue;
            }
            Add(words, word);
        }
        Add(words, word);
        return new SearchQuery(text, words.Take(MaxWords).ToList(), words.Count > MaxWords);
    }

    /// <summary>
    /// The FTS5 MATCH expression: each word as a quoted string (a quote inside one is doubled),
    /// separated by spaces, which FTS5 reads as AND.
    /// </summary>
    public string ToMatchExpression() =>
        string.Join(' ', Words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    private static void Add(List<string> words, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }
        var text = word.ToString();
        word.Clear();
        if (!words.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            words.Add(text);
        }
    }

    // Combining marks belong to the letter before them: Devanagari vowel signs, decomposed accents.
    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // Never cut a surrogate pair in half: the remaining half would be an unpaired surrogate.
    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }
        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
