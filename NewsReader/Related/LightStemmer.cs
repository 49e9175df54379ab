namespace NewsReader.Related;

/// <summary>
/// A deliberately light English stemmer: it folds plurals and the common verb and adverb endings
/// ("libraries" → "librari", "trading"/"traded"/"trade" → "trad") and leaves everything else
/// alone. Stems need not be words; they only have to agree between forms of one word.
/// </summary>
public static class LightStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !IsAsciiLetters(word))
        {
            return word;
        }

        var stem = word;
        if (stem.EndsWith("ies", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^3] + "i";
        }
        else if (stem.EndsWith("sses", StringComparison.Ordinal) || stem.EndsWith("shes", StringComparison.Ordinal)
                 || stem.EndsWith("ches", StringComparison.Ordinal) || stem.EndsWith("xes", StringComparison.Ordinal))
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith('s') && !stem.EndsWith("ss", StringComparison.Ordinal)
                 && !stem.EndsWith("us", StringComparison.Ordinal) && !stem.EndsWith("is", StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ingly", "edly", "ing", "ed", "ly"])
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && HasVowel(stem.AsSpan(0, stem.Length - suffix.Length))
                && stem.Length - suffix.Length >= 3)
            {
                stem = stem[..^suffix.Length];
                // "running" → "runn" → "run", but "falling" keeps "fall" (l, s and z double in the stem itself).
                if (stem.Length >= 4 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('l' or 's' or 'z'))
                {
                    stem = stem[..^1];
                }
                break;
            }
        }

        if (stem.EndsWith('y') && stem.Length > 3 && !IsVowel(stem[^2]))
        {
            stem = stem[..^1] + "i";
        }
        // A silent final e goes, so that "trade", "traded" and "trading" meet at "trad".
        if (stem.EndsWith('e') && stem.Length > 3 && stem[^2] != 'e')
        {
            stem = stem[..^1];
        }
        return stem;
    }

    private static bool IsAsciiLetters(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasVowel(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsVowel(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
