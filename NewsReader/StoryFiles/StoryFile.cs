namespace NewsReader.StoryFiles;

/// <summary>One story as it is written in a story file (the format is in the README, "Story files").</summary>
public sealed record StoryFile(
    string Title,
    string? Slug,
    string Summary,
    IReadOnlyList<string> Authors,
    DateTime? Published,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Tags,
    string? Image,
    string Body)
{
    /// <summary>Category or tag names as a story file holds them: trimmed, no empty ones, duplicates dropped ignoring case (the first spelling wins).</summary>
    internal static List<string> CleanNames(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return names.Select(name => name.Trim()).Where(name => name.Length > 0 && seen.Add(name)).ToList();
    }
}

/// <summary>Either a story or the reason the file could not be read.</summary>
public sealed record StoryFileParseResult(StoryFile? Story, string? Error)
{
    public bool Succeeded => Story is not null;
    public static StoryFileParseResult Ok(StoryFile story) => new(story, null);
    public static StoryFileParseResult Fail(string error) => new(null, error);
}
