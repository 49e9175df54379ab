namespace NewsReader.StoryFiles;

/// <summary>One story as it is written in a story file (the format is in the README, "Story files").</summary>
public sealed record StoryFile(
    string Title,
    string? Slug,
    string Summary,
    string Author,
    DateTime? Published,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Tags,
    string? Image,
    string Body);

/// <summary>Either a story or the reason the file could not be read.</summary>
public sealed record StoryFileParseResult(StoryFile? Story, string? Error)
{
    public bool Succeeded => Story is not null;
    public static StoryFileParseResult Ok(StoryFile story) => new(story, null);
    public static StoryFileParseResult Fail(string error) => new(null, error);
}
