namespace NewsReader.Stories;

/// <summary>The parts of a story a validation message can be about, so the editor shows it at that field.</summary>
public enum StoryField
{
    Title,
    Slug,
    Summary,
    Author,
    Body,
    LeadImage,
    Categories,
    Tags,
    PublishAt,

    /// <summary>The note an editor sends a story back to its contributor with.</summary>
    ReviewNote,
    Correction,
}

/// <summary>One reason a story cannot be saved, tied to the field it is about.</summary>
public sealed record ValidationError(StoryField Field, string Message)
{
    /// <summary>The messages as one sentence list, for places that show a single line (the CLI, an autosave note).</summary>
    public static string Join(IEnumerable<ValidationError> errors) => string.Join(" ", errors.Select(e => e.Message));
}
