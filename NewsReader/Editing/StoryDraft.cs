using NewsReader.Authors;
using NewsReader.Stories;

namespace NewsReader.Editing;

public enum StoryStatus
{
    Draft,

    /// <summary>A draft its contributor submitted: waiting for an editor to publish it or send it back.</summary>
    InReview,
    Scheduled,
    Published,
}

/// <summary>
/// The editor's working copy: every field as the editor types it, categories and tags as
/// comma-separated text, authors as "A; B" (<see cref="AuthorNames"/>). It becomes an <see cref="StoryInput"/> only when it is saved.
/// </summary>
public sealed record StoryDraft(
    string Title = "",
    string Slug = "",
    string Summary = "",
    string Author = "",
    string Body = "",
    string LeadImage = "",
    string Categories = "",
    string Tags = "")
{
    public StoryInput ToInput(DateTime? publishedAt) =>
        new(Title, string.IsNullOrWhiteSpace(Slug) ? null : Slug, Summary, AuthorNames.Split(Author), Body,
            string.IsNullOrWhiteSpace(LeadImage) ? null : LeadImage, publishedAt, SplitTerms(Categories), SplitTerms(Tags));

    /// <summary>Names from comma-separated text: trimmed, empty ones dropped (so a name cannot contain a comma).</summary>
    public static IReadOnlyList<string> SplitTerms(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string JoinTerms(IEnumerable<string> names) => string.Join(", ", names);

    /// <summary>
    /// Whether two copies say the same thing once saved: line endings and the spacing around
    /// commas do not count, so a browser's CRLF or a reformatted list is not "a change".
    /// </summary>
    public bool SameContentAs(StoryDraft other) =>
        Title.Trim() == other.Title.Trim()
        && Slug.Trim() == other.Slug.Trim()
        && Summary.Trim() == other.Summary.Trim()
        && AuthorNames.Split(Author).SequenceEqual(AuthorNames.Split(other.Author))
        && Body.ReplaceLineEndings("\n") == other.Body.ReplaceLineEndings("\n")
        && LeadImage.Trim() == other.LeadImage.Trim()
        && SplitTerms(Categories).SequenceEqual(SplitTerms(other.Categories))
        && SplitTerms(Tags).SequenceEqual(SplitTerms(other.Tags));

    public static StoryStatus StatusOf(DateTime? publishedAt, DateTime now) => StatusOf(publishedAt, null, now);

    /// <summary>A story in review is a draft that was submitted: no publication time, a submission time.</summary>
    public static StoryStatus StatusOf(DateTime? publishedAt, DateTime? submittedForReviewAt, DateTime now) =>
        publishedAt is null ? (submittedForReviewAt is null ? StoryStatus.Draft : StoryStatus.InReview)
        : publishedAt > now ? StoryStatus.Scheduled : StoryStatus.Published;

    /// <summary>How people read the status: "In review" rather than the enum's spelling.</summary>
    public static string Label(StoryStatus status) => status == StoryStatus.InReview ? "In review" : status.ToString();
}
