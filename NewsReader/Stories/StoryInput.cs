using NewsReader.Authors;
using NewsReader.Data;

namespace NewsReader.Stories;

/// <summary>A story as an editor or a story file gives it, before it is checked and saved.</summary>
public sealed record StoryInput(
    string Title,
    string? Slug,
    string Summary,
    IReadOnlyList<string> Authors,
    string Body,
    string? LeadImage,
    DateTime? PublishedAt,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Tags)
{
    /// <summary>The slug the story will have: the given one normalised, else one made from the title.</summary>
    public string EffectiveSlug => Stories.Slug.From(string.IsNullOrWhiteSpace(Slug) ? Title : Slug);

    /// <summary>Every reason this input cannot be saved; empty when it can.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new(StoryField.Title, "Title is required."));
        }
        else if (Title.Trim().Length > StoryLimits.TitleLength)
        {
            errors.Add(new(StoryField.Title, $"Title must be at most {StoryLimits.TitleLength} characters."));
        }

        if (!string.IsNullOrWhiteSpace(Title) && EffectiveSlug.Length == 0)
        {
            errors.Add(new(StoryField.Slug, "Slug must contain at least one letter or digit."));
        }

        if (Summary.Length > StoryLimits.SummaryLength)
        {
            errors.Add(new(StoryField.Summary, $"Summary must be at most {StoryLimits.SummaryLength} characters."));
        }

        foreach (var problem in AuthorNames.Problems(AuthorNames.Clean(Authors)))
        {
            errors.Add(new(StoryField.Author, problem));
        }

        if (System.Text.Encoding.UTF8.GetByteCount(Body) > StoryLimits.BodyBytes)
        {
            errors.Add(new(StoryField.Body, "Body must be at most 1 MB."));
        }

        if (!string.IsNullOrWhiteSpace(LeadImage) && !IsAcceptableImageUrl(LeadImage.Trim()))
        {
            errors.Add(new(StoryField.LeadImage, "Lead image must be an http or https URL, or a path on this site such as /images/photo.jpg."));
        }

        AddUnusableTerms(errors, Categories, StoryField.Categories);
        AddUnusableTerms(errors, Tags, StoryField.Tags);
        return errors;
    }

    private static void AddUnusableTerms(List<ValidationError> errors, IReadOnlyList<string> terms, StoryField field)
    {
        foreach (var term in terms)
        {
            if (term.Trim().Length > StoryLimits.TermLength || Stories.Slug.From(term).Length == 0)
            {
                errors.Add(new(field, $"\"{Shorten(term)}\" is not a usable category or tag name."));
            }
        }
    }

    public static bool IsAcceptableImageUrl(string url)
    {
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return Uri.IsWellFormedUriString(url, UriKind.Relative);
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
