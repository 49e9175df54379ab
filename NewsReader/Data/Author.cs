namespace NewsReader.Data;

/// <summary>A person who writes stories: the byline readers see, with a page of their stories.</summary>
public class Author
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>A few sentences about the author, shown as plain text on their page.</summary>
    public string Bio { get; set; } = "";

    /// <summary>A picture from the media library (/media/…) or any http(s) URL; null for none.</summary>
    public string? Picture { get; set; }

    /// <summary>The account the author signs in with, if any.</summary>
    public string? UserId { get; set; }
    public NewsUser? User { get; set; }

    public List<StoryAuthor> Stories { get; set; } = [];
}

/// <summary>One author of one story; <see cref="Position"/> is the order of the byline.</summary>
public class StoryAuthor
{
    public int StoryId { get; set; }
    public Story? Story { get; set; }
    public int AuthorId { get; set; }
    public Author? Author { get; set; }
    public int Position { get; set; }
}
