namespace NewsReader.Data;

/// <summary>
/// A story as it was at one explicit save in the editor (never an autosave tick): who saved it,
/// when, with which action, and every field, so it can be shown and restored later.
/// </summary>
public class StoryRevision
{
    public long Id { get; set; }
    public int StoryId { get; set; }
    public Story? Story { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string UserName { get; set; }

    /// <summary>What the save did, as editors read it: "Saved draft", "Published", "Scheduled", …</summary>
    public required string Action { get; set; }

    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Summary { get; set; } = "";
    public string Author { get; set; } = "";
    public string Body { get; set; } = "";
    public string? LeadImage { get; set; }

    /// <summary>Names as the editor shows them, comma-separated, in order.</summary>
    public string Categories { get; set; } = "";

    public string Tags { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
}

/// <summary>
/// One editor's autosaved working copy of a story that readers can already see (or that someone
/// else changed meanwhile): kept aside so that autosave never changes what readers see and never
/// overwrites another editor's save. One row per story and editor.
/// </summary>
public class AutosaveSlot
{
    public long Id { get; set; }
    public int StoryId { get; set; }
    public Story? Story { get; set; }

    /// <summary>The account's id (not its name, which can change).</summary>
    public required string UserId { get; set; }

    public DateTime SavedAt { get; set; }

    /// <summary>The story's <see cref="Story.Version"/> the editor had loaded when typing this.</summary>
    public Guid BaseVersion { get; set; }

    public required string Title { get; set; }
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Author { get; set; } = "";
    public string Body { get; set; } = "";
    public string LeadImage { get; set; } = "";
    public string Categories { get; set; } = "";
    public string Tags { get; set; } = "";
}
