namespace NewsReader.Stories;

public sealed record TermLink(string Name, string Slug);

/// <summary>The two ways stories are grouped: a few broad categories, and any number of tags.</summary>
public enum TermKind { Category, Tag }

/// <summary>A category or tag as found by its slug: its id is passed on, so the slug is looked up once.</summary>
public sealed record Term(TermKind Kind, int Id, string Name, string Slug);

/// <summary>What a story list shows for one story.</summary>
public sealed record StoryListItem(
    int Id,
    string Title,
    string Slug,
    string Summary,
    string Author,
    DateTime PublishedAt,
    string? LeadImage,
    ReadTime ReadTime,
    IReadOnlyList<TermLink> Categories);

/// <summary>What the story page shows.</summary>
public sealed record StoryView(
    int Id,
    string Title,
    string Slug,
    string Summary,
    string Author,
    string BodyHtml,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    string? LeadImage,
    ReadTime ReadTime,
    IReadOnlyList<TermLink> Categories,
    IReadOnlyList<TermLink> Tags)
{
    /// <summary>The last change readers were told about ("Updated …"); null when none.</summary>
    public DateTime? NotifiedUpdateAt { get; init; }

    /// <summary>The sanitised correction note; empty when none.</summary>
    public string CorrectionHtml { get; init; } = "";

    /// <summary>When the story last changed in a way readers were told about: the update, else the publication.</summary>
    public DateTime ModifiedAt => NotifiedUpdateAt is { } updated && updated > PublishedAt ? updated : PublishedAt;
}

/// <summary>The home page: its featured leads, then a page of the newest other stories.</summary>
public sealed record FrontPageView(IReadOnlyList<StoryListItem> Leads, PagedList<StoryListItem> Latest);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
}
