namespace NewsReader.Editing;

/// <summary>Timings of the story editor. Not configuration: tests shorten them.</summary>
public sealed class EditorOptions
{
    /// <summary>How long typing must pause before the working copy is autosaved.</summary>
    public TimeSpan AutosaveDelay { get; set; } = TimeSpan.FromSeconds(3);
}
