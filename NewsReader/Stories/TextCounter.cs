using System.Text;

namespace NewsReader.Stories;

/// <summary>
/// Counts what the read time is made of. Words are whitespace-separated tokens with a letter or
/// digit; Han, Hiragana, Katakana and Hangul characters are counted one by one instead and do not
/// make a token a word.
/// </summary>
public static class TextCounter
{
    /// <summary>The measure of a story: the words and CJK characters of its title and body text, and its images.</summary>
    public static TextMeasure Measure(string? title, string bodyText, int images)
    {
        var (titleWords, titleCjk) = Count(title ?? "");
        var (bodyWords, bodyCjk) = Count(bodyText);
        return new TextMeasure(titleWords + bodyWords, titleCjk + bodyCjk, images);
    }

    /// <summary>The words and CJK characters of one text.</summary>
    public static (int Words, int CjkCharacters) Count(string text)
    {
        var words = 0;
        var cjkCharacters = 0;
        var hasLetterOrDigit = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                EndToken();
            }
            else if (IsCjk(rune.Value))
            {
                cjkCharacters++;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                hasLetterOrDigit = true;
            }
        }

        EndToken();
        return (words, cjkCharacters);

        void EndToken()
        {
            if (hasLetterOrDigit)
            {
                words++;
            }

            hasLetterOrDigit = false;
        }
    }

    private static bool IsCjk(int c) => c switch
    {
        // Han: radicals, iteration and number marks, the unified ideographs and their extensions
        >= 0x2E80 and <= 0x2FDF or 0x3005 or 0x3007 or >= 0x3021 and <= 0x3029 or >= 0x3038 and <= 0x303B
            or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF
            or >= 0x20000 and <= 0x2FA1F or >= 0x30000 and <= 0x323AF => true,
        // Hiragana, Katakana (with the long vowel mark), their small and half-width forms
        >= 0x3041 and <= 0x309F or >= 0x30A1 and <= 0x30FA or >= 0x30FC and <= 0x30FF or >= 0x31F0 and <= 0x31FF
            or >= 0x32D0 and <= 0x32FE or >= 0x3300 and <= 0x3357 or >= 0xFF66 and <= 0xFF9D
            or >= 0x1AFF0 and <= 0x1B16F => true,
        // Hangul: jamo, compatibility jamo, syllables, half-width forms
        >= 0x1100 and <= 0x11FF or >= 0x3131 and <= 0x318E or >= 0xA960 and <= 0xA97F or >= 0xAC00 and <= 0xD7FF
            or >= 0xFFA0 and <= 0xFFDC => true,
        _ => false,
    };
}
