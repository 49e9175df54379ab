using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsReader.Related;

/// <summary>
/// Turns a story's text into the terms its similarity is measured on: lower-case words, stop words
/// removed, each reduced by a light stemmer so that "trams", "tram" and "tram's" count as one.
/// </summary>
/// <remarks>
/// What a story is about is said most densely in its title and summary, and most precisely by its
/// names (people, places, organisations): "Orrin" or "Brantwood" pins a subject down where
/// "evacuation" or "council" could belong to many stories. So title and summary words count twice,
/// and a word the story capitalises inside a sentence (a name, as far as plain text can tell) counts
/// twice again.
/// </remarks>
public static partial class TextAnalyzer
{
    private const int TitleWeight = 2;
    private const int SummaryWeight = 2;
    private const int NameFactor = 2;


    public const int MaxWordLength = 40;

    /// <summary>How often each term occurs in a story's title, summary and body (the body as sanitised HTML).</summary>
    public static Dictionary<string, int> CountTerms(string title, string summary, string bodyHtml)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var body = PlainText(bodyHtml);
        // A name is a name in every field, also where it opens a sentence.
        var names = Names(title);
        names.UnionWith(Names(summary));
        names.UnionWith(Names(body));
        AddTerms(counts, title, TitleWeight, names);
        AddTerms(counts, summary, SummaryWeight, names);
        AddTerms(counts, body, 1, names);
        return counts;
    }

    /// <summary>The text of an HTML fragment: tags dropped (so link targets do not count), entities decoded.</summary>
    public static string PlainText(string html) =>
        string.IsNullOrEmpty(html) ? "" : WebUtility.HtmlDecode(Tag().Replace(html, " "));

    public static IEnumerable<string> Terms(string text)
    {
        foreach (var word in Words(text))
        {
            if (Term(word) is { } term)
            {
                yield return term;
            }
        }
    }

    /// <summary>Runs of letters and digits, lower-cased; pure numbers and single letters say nothing about a topic.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var hasLetter = false;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            Rune.DecodeFromUtf16(rest, out var rune, out var consumed);
            rest = rest[consumed..];
            if (Rune.IsLetterOrDigit(rune) || (word.Length > 0 && Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark))
            {
                var lower = Rune.ToLowerInvariant(rune);
                if (lower.IsBmp)
                {
                    word.Append((char)lower.Value);
                }
                else
                {
                    word.Append(lower.ToString());
                }
                hasLetter |= Rune.IsLetter(rune);
                continue;
            }
            Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (hasLetter && word.Length > 1)
            {
                words.Add(word.ToString());
            }
            word.Clear();
            hasLetter = false;
        }
    }

    private static string? Term(string word)
    {
        // Longer "words" are run-together junk (hashes, pasted URLs), never a topic.
        if (word.Length > MaxWordLength || StopWords.Contains(word))
        {
            return null;
        }
        var stem = LightStemmer.Stem(word);
        return stem.Length >= 2 && !StopWords.Contains(stem) ? stem : null;
    }

    private static void AddTerms(Dictionary<string, int> counts, string text, int weight, HashSet<string> names)
    {
        foreach (var word in Words(text))
        {
            if (Term(word) is { } term)
            {
                counts[term] = counts.GetValueOrDefault(term) + (names.Contains(word) ? weight * NameFactor : weight);
            }
        }
    }

    /// <summary>The words (lower-cased) that a text capitalises somewhere other than at the start of a sentence.</summary>
    private static HashSet<string> Names(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var longWords = 0;
        var lowerLongWords = 0;
        var sentenceStart = true;
        foreach (var match in Word().EnumerateMatches(text))
        {
            var word = text.AsSpan(match.Index, match.Length);
            var isCapital = char.IsUpper(word[0]);
            if (!sentenceStart)
            {
                if (isCapital)
                {
                    names.Add(word.ToString().ToLowerInvariant());
                }
                if (word.Length > 3)
                {
                    longWords++;
                    lowerLongWords += isCapital ? 0 : 1;
                }
            }
            var end = match.Index + match.Length;
            sentenceStart = SentenceEnd().IsMatch(text.AsSpan(end, Math.Min(2, text.Length - end)));
        }
        // A headline in Title Case ("Lava Reaches The Village") capitalises every word but the shortest:
        // there capitals say nothing about names.
        return longWords >= 2 && lowerLongWords == 0 ? [] : names;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}\p{Nd}]*")]
    private static partial Regex Word();

    // What follows the last word of a sentence: ".", "!" or "?", perhaps after a closing quote or bracket.
    [GeneratedRegex("^[\"'\u201D\u2019)\\]]?[.!?]")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
