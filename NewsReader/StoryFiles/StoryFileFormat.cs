namespace NewsReader.StoryFiles;

/// <summary>Reads and writes the story file format: YAML front matter between --- lines, then Markdown.</summary>
public static class StoryFileFormat
{
    // STUB: implemented in the story-file work.
    public static StoryFileParseResult Parse(string content) => throw new NotImplementedException();

    public static string Write(StoryFile story) => throw new NotImplementedException();
}
