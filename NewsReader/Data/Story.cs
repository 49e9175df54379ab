namespace NewsReader.Data;

public class Story
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>The Markdown the editor wrote; the source of truth.</summary>
    public string Body { get; set; } = "";

    /// <summary>
    /// The sanitised HTML of <see cref="Body"/>, rendered when the story is saved so that a page
    /// view never runs Markdown or the sanitiser.
    /// </summary>
    public string BodyHtml { get; set; } = "";

    public string? LeadImage { get; set; }

    // The text measures behind the read time are stored rather than the seconds, so that a change
    // of NewsReader:WordsPerMinute applies to every story without re-reading the bodies.
    public int WordCount { get; set; }
    public int CjkCharacterCount { get; set; }
    public int ImageCount { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Null for a draft; in the future for a scheduled story.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Changes on every save; two editors saving one story collide on it.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The account that created the story; null for stories from before accounts owned them (editors only may touch those).</summary>
    public string? OwnerId { get; set; }

    /// <summary>Set while the story waits in the review queue: a draft (no <see cref="PublishedAt"/>) that is the editors' turn.</summary>
    public DateTime? SubmittedForReviewAt { get; set; }

    /// <summary>What the editor wrote when sending the story back to its contributor; cleared when it is submitted again.</summary>
    public string? ReviewNote { get; set; }

    /// <summary>In the order the editor gave them: the first is the story's main category.</summary>
    public List<StoryCategory> Categories { get; set; } = [];

    public List<StoryTag> Tags { get; set; } = [];

    /// <summary>When an editor put the story on the front page as a lead; null when it is not featured.</summary>
    public DateTime? FeaturedAt { get; set; }

    /// <summary>Until when every reader page shows the story's "Breaking" banner; null when it is not breaking.</summary>
    public DateTime? BreakingUntil { get; set; }

    /// <summary>
    /// The last change after publication that readers were told about ("Updated …"). Minor edits
    /// leave it alone, so <see cref="UpdatedAt"/> is not shown to readers.
    /// </summary>
    public DateTime? NotifiedUpdateAt { get; set; }

    /// <summary>The correction note in Markdown, shown in a marked block at the end of the story; empty when none.</summary>
    public string Correction { get; set; } = "";

    /// <summary>The sanitised HTML of <see cref="Correction"/>, rendered on save like the body.</summary>
    public string CorrectionHtml { get; set; } = "";

    /// <summary>The byline, in the order the editor gave it.</summary>
    public List<StoryAuthor> Authors { get; set; } = [];
}

/// <summary>A category or a tag: a name readers see and a unique slug for its page.</summary>
public interface ITerm
{
    string Name { get; }
    string Slug { get; }
}

public class Category : ITerm
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public List<StoryCategory> Stories { get; set; } = [];
}

public class Tag : ITerm
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public List<StoryTag> Stories { get; set; } = [];
}

public class StoryCategory
{
    public int StoryId { get; set; }
    public Story? Story { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public int Position { get; set; }
}

public class StoryTag
{
    public int StoryId { get; set; }
    public Story? Story { get; set; }
    public int TagId { get; set; }
    public Tag? Tag { get; set; }
    public int Position { get; set; }
}

/// <summary>A slug a story used to have; readers following it are sent on with a 301.</summary>
public class SlugRedirect
{
    public int Id { get; set; }
    public required string OldSlug { get; set; }
    public int StoryId { get; set; }
    public Story? Story { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum ReactionKind
{
    Happy = 1,
    Sad = 2,
    Excited = 3,
    Sleepy = 4,
    Angry = 5,
    Surprise = 6,
}

/// <summary>One reader's reaction to one story; the unique (story, reader) index keeps counts exact.</summary>
public class Reaction
{
    public long Id { get; set; }
    public int StoryId { get; set; }
    public Story? Story { get; set; }

    /// <summary>The random id from the reader's protected cookie; never an IP address.</summary>
    public required string ReaderId { get; set; }

    public ReactionKind Kind { get; set; }
    public DateTime ReactedAt { get; set; }
}

/// <summary>
/// How many readers hold one reaction to one story: kept by the reaction writer in the same
/// transaction as the <see cref="Reaction"/> row it adds, moves or removes, so a story page reads at
/// most six small rows instead of counting a popular story's thousands.
/// </summary>
public class ReactionCount
{
    public int StoryId { get; set; }
    public ReactionKind Kind { get; set; }
    public int Count { get; set; }
}
