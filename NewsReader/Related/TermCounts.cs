using System.Globalization;
using System.Text;

namespace NewsReader.Related;

/// <summary>A story's term counts as kept in StoryTermCounts, to take them back when it changes.</summary>
internal static class TermCounts
{
    /// <summary>"term count term count …": terms never contain spaces.</summary>
    public static string Format(Dictionary<string, int> counts)
    {
        var text = new StringBuilder();
        foreach (var (term, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }
            text.Append(term).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    public static IEnumerable<KeyValuePair<string, int>> Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            yield return new(parts[i], int.Parse(parts[i + 1], CultureInfo.InvariantCulture));
        }
    }
}
