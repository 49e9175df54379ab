using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsReader.Related;

/// <summary>
/// Turns a story's text into the terms its similarity is measured on: lower-case words, stop words
/// removed, each reduced by a light stemmer so that "trams", "tram" and "tram's" count as one.
/// </summary>
public static partial class TextAnalyzer
{
    // The title says what a story is about more densely than any sentence of its body.
    private const int TitleWeight = 2;

    public const int MaxWordLength = 40;

    /// <summary>How often each term occurs in a story's title, summary and body (the body as sanitised HTML).</summary>
    public static Dictionary<string, int> CountTerms(string title, string summary, string bodyHtml)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        AddTerms(counts, title, TitleWeight);
        AddTerms(counts, summary, 1);
        AddTerms(counts, PlainText(bodyHtml), 1);
        return counts;
    }

    /// <summary>The text of an HTML fragment: tags dropped (so link targets do not count), entities decoded.</summary>
    public static string PlainText(string html) =>
        string.IsNullOrEmpty(html) ? "" : WebUtility.HtmlDecode(Tag().Replace(html, " "));

    public static IEnumerable<string> Terms(string text)
    {
        foreach (var word in Words(text))
        {
            // Longer "words" are run-together junk (hashes, pasted URLs), never a topic.
            if (word.Length > MaxWordLength || StopWords.Contains(word))
            {
                continue;
            }
            var stem = LightStemmer.Stem(word);
            if (stem.Length >= 2 && !StopWords.Contains(stem))
            {
                yield return stem;
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

    private static void AddTerms(Dictionary<string, int> counts, string text, int weight)
    {
        foreach (var term in Terms(text))
        {
            counts[term] = counts.GetValueOrDefault(term) + weight;
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
