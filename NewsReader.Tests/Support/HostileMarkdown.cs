namespace NewsReader.Tests.Support;

/// <summary>Story files and bodies built to hurt a Markdown parser, shared by the import, first-start and editor tests.</summary>
public static class HostileMarkdown
{
    public static string StoryWithBody(string title, string body) =>
        $"---\ntitle: {title}\npublished: 2026-10-01T09:00:00Z\n---\n{body}\n";

    /// <summary>Bodies nested 5,000 deep, the way each Markdown container or inline nests.</summary>
    public static readonly (string File, string Body)[] DeepBodies =
    [
        ("deep-brackets.md", new string('[', 5_000) + "inside" + new string(']', 5_000)),
        ("deep-quotes.md", string.Concat(Enumerable.Repeat("> ", 5_000)) + "inside"),
        ("deep-list.md", string.Concat(Enumerable.Repeat("* ", 5_000)) + "inside"),
        ("deep-emphasis.md", new string('*', 5_000) + "inside" + new string('*', 5_000)),
    ];
}
