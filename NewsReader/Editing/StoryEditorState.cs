using System.Globalization;
using NewsReader.Stories;

namespace NewsReader.Editing;

/// <summary>
/// What the story editor page holds, without the page: the story as stored, the working copy, the
/// snapshot it is compared with to know what is unsaved, and the messages at each field. Plain so
/// that its rules can be tested without rendering anything.
/// </summary>
public sealed class StoryEditorState
{
    // The story as stored: no id until it exists.
    public int? Id { get; private set; }
    public Guid? Version { get; set; }
    public StoryStatus Status { get; private set; } = StoryStatus.Draft;
    public DateTime? PublishedAt { get; private set; }

    /// <summary>What the editor wrote when they last sent the story back to its contributor.</summary>
    public string? ReviewNote { get; private set; }

    // The working copy.
    public string Title { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string Summary { get; set; } = "";
    public string Author { get; set; } = "";
    public string Categories { get; set; } = "";
    public string Tags { get; set; } = "";
    public string LeadImage { get; set; } = "";
    public string Body { get; private set; } = "";

    /// <summary>The text last written into the body box; the box is not bound key by key.</summary>
    public string BodyShown { get; private set; } = "";

    /// <summary>Set when the browser reports a body over the limit instead of sending it.</summary>
    public long? BodyTooLongBytes { get; private set; }

    public bool SlugFollowsTitle { get; set; } = true;

    /// <summary>The title of another story that has this slug, if any.</summary>
    public string? SlugOwner { get; set; }

    /// <summary>What is saved (in the story, or in the autosave slot); the working copy is dirty when it differs.</summary>
    public StoryDraft Saved { get; private set; } = new();

    /// <summary>When the working copy first differed from <see cref="Saved"/>: autosave comes at least that often.</summary>
    public DateTime? DirtySince { get; private set; }

    /// <summary>"Title is required" waits for a save: an empty new form is not an error yet.</summary>
    public bool AttemptedSave { get; set; }

    public string? FormMessage { get; set; }
    public string SaveState { get; set; } = "";

    /// <summary>The site's time zone and culture: editors see and schedule times in it, whatever their browser says.</summary>
    public Localization.SiteTime Time { get; set; } = new("UTC", "en-GB");

    private Dictionary<StoryField, string> _errors = [];

    /// <summary>Tell readers of the published story it was updated ("Updated …" under the byline).</summary>
    public bool NotifyReaders { get; set; }

    /// <summary>The correction note as it is being written; saved with the next save.</summary>
    public string Correction { get; set; } = "";

    /// <summary>The "Updated" time readers see now; null when none.</summary>
    public DateTime? NotifiedUpdateAt { get; private set; }

    /// <summary>What the next save tells readers.</summary>
    public ReaderNotice Notice => new(NotifyReaders, Correction);

    public StoryDraft Current => new(Title, Slug, Summary, Author, Body, LeadImage, Categories, Tags);

    public bool IsDirty => !Current.SameContentAs(Saved) || BodyTooLongBytes is not null;

    public bool HasErrors => _errors.Count > 0;

    public string StorageKey => Id?.ToString(CultureInfo.InvariantCulture) ?? "new";

    public string EffectiveSlug => Stories.Slug.From(string.IsNullOrWhiteSpace(Slug) ? Title : Slug);

    public string SlugHelp => SlugFollowsTitle
        ? $"Follows the title until you edit it. Address: /articles/{EffectiveSlug}"
        : $"Address: /articles/{EffectiveSlug}";

    public string PublicationText => Status switch
    {
        StoryStatus.Published => $"Published {LocalTime(PublishedAt!.Value)}. Saving changes updates what readers see at once.",
        StoryStatus.Scheduled => $"Scheduled: readers will see it from {LocalTime(PublishedAt!.Value)}.",
        StoryStatus.InReview => "In review: readers cannot see it until an editor publishes it.",
        _ => "Draft: readers cannot see this story.",
    };

    public bool HasError(StoryField field) => _errors.ContainsKey(field);

    public string? ErrorOf(StoryField field) => _errors.GetValueOrDefault(field);

    public string LocalTime(DateTime utc, bool seconds = false) => Time.Compact(utc, seconds);

    // ----- Typing -----

    public void SetTitle(string? value)
    {
        Title = value ?? "";
        if (SlugFollowsTitle)
        {
            Slug = Stories.Slug.From(Title);
        }
    }

    public void SetSlug(string? value)
    {
        Slug = value ?? "";
        // An emptied slug follows the title again; anything typed by hand stays.
        SlugFollowsTitle = string.IsNullOrWhiteSpace(Slug);
    }

    public void NormaliseSlug()
    {
        if (!string.IsNullOrWhiteSpace(Slug))
        {
            Slug = Stories.Slug.From(Slug);
        }
    }

    public void SetBody(string body)
    {
        Body = body;
        BodyTooLongBytes = null;
    }

    public void BodyIsTooLong(long bytes) => BodyTooLongBytes = bytes;

    /// <summary>Notes when the working copy became dirty; true while it is.</summary>
    public bool TrackDirty(DateTime now)
    {
        if (IsDirty)
        {
            DirtySince ??= now;
            return true;
        }
        DirtySince = null;
        return false;
    }

    public void ClearDirty() => DirtySince = null;

    // ----- Validation -----

    public void Validate()
    {
        var errors = Current.ToInput(null).Validate().ToList();
        if (BodyTooLongBytes is { } bytes)
        {
            errors.Add(new(StoryField.Body, $"Body must be at most 1 MB (it is {bytes / 1024.0 / 1024.0:0.0} MB)."));
        }
        ShowErrors(errors);
        if (!AttemptedSave && string.IsNullOrWhiteSpace(Title))
        {
            _errors.Remove(StoryField.Title);
            _errors.Remove(StoryField.Slug);
        }
        if (SlugOwner is { } owner)
        {
            _errors[StoryField.Slug] = new SaveResult.SlugTaken(EffectiveSlug, owner).Message;
        }
        if (_errors.Count == 0)
        {
            FormMessage = null;
        }
    }

    /// <summary>Shows these errors at their fields; two about one field are shown together.</summary>
    public void ShowErrors(IEnumerable<ValidationError> errors)
    {
        _errors = [];
        foreach (var error in errors)
        {
            AddError(error);
        }
    }

    /// <summary>An error found outside <see cref="Validate"/> (the publish time, a slug taken meanwhile) replaces the field's message.</summary>
    public void SetError(StoryField field, string message) => _errors[field] = message;

    private void AddError(ValidationError error) =>
        _errors[error.Field] = _errors.TryGetValue(error.Field, out var earlier) ? $"{earlier} {error.Message}" : error.Message;

    // ----- Loading and saving -----

    public void Reset()
    {
        Forget();
        ShowFields(new StoryDraft(), includingBody: true);
        Saved = new StoryDraft();
        SlugFollowsTitle = true;
        SlugOwner = null;
        AttemptedSave = false;
        _errors = [];
        FormMessage = null;
        SaveState = "";
        DirtySince = null;
    }

    /// <summary>The story is opened (or reloaded): every field and the snapshot from it.</summary>
    public void Show(StoryEdit story)
    {
        Stored(story);
        ShowFields(story.Draft, includingBody: true);
        Saved = story.Draft;
        DirtySince = null;
        // A draft whose slug is still the title's keeps following it; a published story's address is left alone.
        SlugFollowsTitle = story.Status == StoryStatus.Draft && story.Draft.Slug == Stories.Slug.From(story.Draft.Title);
        SlugOwner = null;
        BodyTooLongBytes = null;
    }

    public void Stored(StoryEdit story)
    {
        Id = story.Id;
        Version = story.Version;
        Status = story.Status;
        PublishedAt = story.PublishedAt;
        ReviewNote = story.ReviewNote;
        Correction = story.Correction;
        NotifiedUpdateAt = story.NotifiedUpdateAt;
        // Each notice is for one save: the next edit is silent unless the editor ticks it again.
        NotifyReaders = false;
    }

    /// <summary>Takes the stored state of the other version, to save over it on purpose.</summary>
    public void Adopt(StoryEdit theirs)
    {
        Version = theirs.Version;
        Status = theirs.Status;
        PublishedAt = theirs.PublishedAt;
        ReviewNote = theirs.ReviewNote;
    }

    /// <summary>The story is gone: the text stays, and saving again creates a new story.</summary>
    public void Forget()
    {
        ForgetId();
        Status = StoryStatus.Draft;
        PublishedAt = null;
        ReviewNote = null;
    }

    /// <summary>The story is gone, as an autosave found: the next save creates a new one.</summary>
    public void ForgetId()
    {
        Id = null;
        Version = null;
    }

    /// <summary>From now on the working copy is compared with <paramref name="saved"/>.</summary>
    public void Snapshot(StoryDraft saved) => Saved = saved;

    public void ShowFields(StoryDraft draft, bool includingBody)
    {
        Title = draft.Title;
        Slug = draft.Slug;
        Summary = draft.Summary;
        Author = draft.Author;
        Categories = draft.Categories;
        Tags = draft.Tags;
        LeadImage = draft.LeadImage;
        if (includingBody)
        {
            ShowBody(draft.Body);
        }
    }

    /// <summary>The body as the server replaces it (restore, their version): the box shows it too.</summary>
    public void ShowBody(string body)
    {
        Body = body;
        BodyShown = body;
        BodyTooLongBytes = null;
    }
}
