namespace NewsReader.Articles;

public sealed record TermLink(string Name, string Slug);

/// <summary>What a story list shows for one story.</summary>
public sealed record ArticleListItem(
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
public sealed record ArticleView(
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
    IReadOnlyList<TermLink> Tags);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
}
