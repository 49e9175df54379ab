using System.Globalization;
using System.Text;

namespace NewsReader.Stories;

/// <summary>Turns titles and names into URL slugs: lower case ASCII, digits and single hyphens.</summary>
public static class Slug
{
    public const int MaxLength = 100;

    // Letters that Unicode normalisation does not reduce to an ASCII letter plus marks.
    private static readonly Dictionary<char, string> Transliterations = new()
    {
        ['ß'] = "ss",
        ['æ'] = "ae",
        ['œ'] = "oe",
        ['ø'] = "o",
        ['ł'] = "l",
        ['đ'] = "d",
        ['ð'] = "d",
        ['þ'] = "th",
        ['ı'] = "i",
        ['ħ'] = "h",
        ['ŧ'] = "t",
        ['ŋ'] = "ng",
        ['ĸ'] = "k",
        ['ə'] = "e",
    };

    /// <summary>
    /// The slug for a text, or "" when nothing usable remains. A valid slug comes back unchanged.
    /// </summary>
    public static string From(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Compatibility decomposition also folds full-width letters and ligatures ("ＡＢ", "ﬁ") to ASCII.
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var slug = new StringBuilder(Math.Min(decomposed.Length, MaxLength * 2));
        var pendingHyphen = false;

        foreach (var original in decomposed)
        {
            var c = char.ToLowerInvariant(original);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                Append(c.ToString());
            }
            else if (Transliterations.TryGetValue(c, out var replacement))
            {
                Append(replacement);
            }
            else if (IsMark(c) || IsApostrophe(c))
            {
                // Accents fold into their letter, and "don't" reads better as "dont" than "don-t".
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return Truncate(slug.ToString());

        void Append(string value)
        {
            if (pendingHyphen && slug.Length > 0)
            {
                slug.Append('-');
            }

            pendingHyphen = false;
            slug.Append(value);
        }
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        if (slug[MaxLength] == '-')
        {
            return slug[..MaxLength];
        }

        // Cut after the last whole word, unless that would throw away more than half the slug.
        var lastHyphen = slug.LastIndexOf('-', MaxLength - 1);
        var cut = lastHyphen >= MaxLength / 2 ? slug[..lastHyphen] : slug[..MaxLength];
        return cut.TrimEnd('-');
    }
}
