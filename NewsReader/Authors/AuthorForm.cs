using NewsReader.Data;
using NewsReader.Stories;

namespace NewsReader.Authors;

/// <summary>What the authors page edits. An empty slug follows the name.</summary>
public sealed record AuthorForm(string Name, string Slug = "", string Bio = "", string Picture = "", string? UserId = null)
{
    /// <summary>The slug the author will have: the given one normalised, else one made from the name.</summary>
    public string EffectiveSlug => Stories.Slug.From(string.IsNullOrWhiteSpace(Slug) ? Name : Slug);

    /// <summary>The first reason these values cannot be saved, in words for the editor; null when they can.</summary>
    public string? Problem()
    {
        if (AuthorNames.Problem(Name) is { } nameProblem)
        {
            return nameProblem;
        }
        if (EffectiveSlug.Length == 0)
        {
            return "The address needs at least one letter or digit: give the author a slug such as \"ivan-petrov\".";
        }
        if (Bio.Trim().Length > AuthorConfiguration.BioLength)
        {
            return $"The bio must be at most {AuthorConfiguration.BioLength} characters.";
        }
        var picture = Picture.Trim();
        if (picture.Length > AuthorConfiguration.PictureLength || picture.Length > 0 && !StoryInput.IsAcceptableImageUrl(picture))
        {
            return "The picture must be a picture from the media library (/media/…), or an http or https URL.";
        }
        return null;
    }

    /// <summary>Copies the (valid) values onto an author.</summary>
    public void ApplyTo(Author author)
    {
        author.Name = Name.Trim();
        author.Slug = EffectiveSlug;
        author.Bio = Bio.Trim();
        author.Picture = string.IsNullOrWhiteSpace(Picture) ? null : Picture.Trim();
        author.UserId = string.IsNullOrEmpty(UserId) ? null : UserId;
    }
}
