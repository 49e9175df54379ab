using NewsReader.Stories;

namespace NewsReader.Editing;

/// <summary>A story as the editor opens it: the fields, and the version the next save must match.</summary>
public sealed record StoryEdit(
    int Id,
    Guid Version,
    StoryDraft Draft,
    StoryStatus Status,
    DateTime? PublishedAt,
    DateTime UpdatedAt)
{
    /// <summary>The correction note readers see at the end of the story (Markdown); empty when none.</summary>
    public string Correction { get; init; } = "";

    /// <summary>The last "Updated" time readers were shown; null when none.</summary>
    public DateTime? NotifiedUpdateAt { get; init; }

    /// <summary>What the editor wrote when they last sent the story back to its contributor; null when none.</summary>
    public string? ReviewNote { get; init; }
}

/// <summary>One line of the stories table.</summary>
public sealed record StoryTableRow(
    int Id,
    string Title,
    string Slug,
    StoryStatus Status,
    string Author,
    DateTime UpdatedAt,
    DateTime? PublishedAt,
    string? ReviewNote = null);

public enum StorySort
{
    Title,
    Status,
    Author,
    Updated,
    Published,
}

public sealed record StoryQuery(
    string? Search = null,
    StoryStatus? Status = null,
    StorySort Sort = StorySort.Updated,
    bool Descending = true,
    int Page = 1,
    int PageSize = 20);

public sealed record StoryTable(IReadOnlyList<StoryTableRow> Rows, int TotalCount);

/// <summary>What a save does to the story's publication, besides saving its fields.</summary>
public enum PublishAction
{
    /// <summary>Leaves the publication as it is: a draft stays a draft, a published story is updated in place.</summary>
    Keep,
    PublishNow,
    Schedule,
    Unpublish,

    /// <summary>Saves a draft and puts it in the review queue: the editors' turn to publish it or send it back.</summary>
    SubmitForReview,
}

public sealed record RevisionSummary(long Id, DateTime CreatedAt, string UserName, string Action, string Title);

public sealed record Revision(long Id, DateTime CreatedAt, string UserName, string Action, StoryDraft Draft, DateTime? PublishedAt);

public sealed record AutosaveCopy(DateTime SavedAt, Guid BaseVersion, StoryDraft Draft);

/// <summary>The outcome of an explicit save, publish, schedule, unpublish or delete.</summary>
public abstract record SaveResult
{
    private SaveResult()
    {
    }

    public sealed record Saved(StoryEdit Story) : SaveResult;

    /// <summary>Nothing was saved: the input breaks these rules.</summary>
    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : SaveResult;

    /// <summary>Nothing was saved: another story already has this slug.</summary>
    public sealed record SlugTaken(string Slug, string OtherTitle) : SaveResult
    {
        public string Message => $"The slug \"{Slug}\" is already used by the story \"{OtherTitle}\". Choose another slug.";
    }

    /// <summary>
    /// Nothing was saved: the story changed since the editor loaded it. <see cref="Stored"/> is what
    /// is saved now; <see cref="SavedBy"/> who saved it, when that was an explicit save.
    /// </summary>
    public sealed record Conflict(StoryEdit Stored, string? SavedBy) : SaveResult;

    public sealed record Deleted : SaveResult;

    /// <summary>Nothing was saved: the signed-in account may not do this to this story (a contributor's limits).</summary>
    public sealed record Refused(string Message) : SaveResult;

    public sealed record NotFound : SaveResult;
}

/// <summary>The outcome of one autosave tick. Autosave never publishes and never keeps a revision.</summary>
public abstract record AutosaveResult
{
    private AutosaveResult()
    {
    }

    /// <summary>The draft itself was saved (and created, for a new story); readers see nothing of it.</summary>
    public sealed record DraftSaved(StoryEdit Story) : AutosaveResult;

    /// <summary>
    /// The working copy was kept aside, not in the story: readers can see the story (so autosave must
    /// not change it), or someone else saved it meanwhile (then <paramref name="Conflict"/> says who and what).
    /// </summary>
    public sealed record CopyKept(DateTime SavedAt, SaveResult.Conflict? Conflict) : AutosaveResult;

    /// <summary>Nothing was saved on the server (the browser's copy still holds the text).</summary>
    public sealed record Skipped(string Reason) : AutosaveResult;

    public sealed record NotFound : AutosaveResult;

    /// <summary>Nothing was saved anywhere: the signed-in account may not change this story.</summary>
    public sealed record Refused(string Message) : AutosaveResult;
}
