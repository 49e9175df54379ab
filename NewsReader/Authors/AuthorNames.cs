using NewsReader.Stories;

namespace NewsReader.Authors;

/// <summary>
/// Author names as text: the byline readers see ("By A, B and C"), and the one-line form the
/// editor's working copy and revisions keep them in ("A; B; C"). A semicolon rather than a comma
/// separates them there, because a byline written before authors had pages may hold one
/// ("Ana Ferreira, City Desk") and must stay one name.
/// </summary>
public static class AuthorNames
{
    public const char Separator = ';';
    public const int MaxAuthors = 20;

    /// <summary>Names from the one-line form: trimmed, empty ones and repeats (ignoring case) dropped.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        Clean((text ?? "").Split(Separator));

    public static string Join(IEnumerable<string> names) => string.Join(Separator + " ", Clean(names));

    /// <summary>Trimmed, no empty ones, no repeats ignoring case; the first spelling wins, the order stays.</summary>
    public static List<string> Clean(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return names.Select(n => n.Trim()).Where(n => n.Length > 0 && seen.Add(n)).ToList();
    }

    /// <summary>"A", "A and B", "A, B and C": the names as a sentence, without the "By".</summary>
    public static string Byline(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    /// <summary>Why these names cannot be a story's authors; empty when they can.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<string> names)
    {
        var problems = new List<string>();
        if (names.Count > MaxAuthors)
        {
            problems.Add($"A story can have at most {MaxAuthors} authors.");
        }
        foreach (var name in names)
        {
            if (Problem(name) is { } problem)
            {
                problems.Add(problem);
            }
        }
        return problems;
    }

    /// <summary>Why one name cannot be an author's name; null when it can.</summary>
    public static string? Problem(string name)
    {
        var clean = name.Trim();
        if (clean.Length == 0)
        {
            return "An author's name is required.";
        }
        if (clean.Length > Data.AuthorConfiguration.NameLength)
        {
            return $"An author's name must be at most {Data.AuthorConfiguration.NameLength} characters.";
        }
        if (clean.Contains(Separator, StringComparison.Ordinal))
        {
            return $"An author's name cannot contain \"{Separator}\".";
        }
        return null;
    }

    /// <summary>The slug a name's page starts from: "author" for a name with no Latin letter or digit ("Иван").</summary>
    public static string BaseSlug(string name) => Slug.From(name) is { Length: > 0 } slug ? slug : "author";

    /// <summary>
    /// A slug for <paramref name="name"/> that <paramref name="isTaken"/> does not refuse: the name's
    /// slug, else with -2, -3, … (two people can share a name, never a page).
    /// </summary>
    public static string UniqueSlug(string name, Func<string, bool> isTaken)
    {
        var slug = BaseSlug(name);
        if (!isTaken(slug))
        {
            return slug;
        }
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var candidate = (slug.Length + suffix.Length > Slug.MaxLength ? slug[..(Slug.MaxLength - suffix.Length)].TrimEnd('-') : slug) + suffix;
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }
}
