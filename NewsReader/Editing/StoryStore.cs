using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Review;
using NewsReader.Stories;

namespace NewsReader.Editing;

/// <summary>
/// What saving and autosaving a story by id share: loading it, the slug check, writing a valid
/// input with a new version and the slug history, committing with the version check, and telling
/// the editor who saved a story meanwhile.
/// </summary>
public sealed class StoryStore(IDbContextFactory<NewsDbContext> dbFactory, EditorAccess access, StoryWriter stories, TimeProvider clock)
{
    /// <summary>
    /// How every save and autosave starts: the signed-in writer (or UnauthorizedAccessException),
    /// the moment, a context of its own, the story by <paramref name="id"/>, tracked (null for a new
    /// one), and why this account may not apply <paramref name="action"/> to it, if it may not.
    /// </summary>
    public async Task<EditWork> BeginAsync(int? id, PublishAction action, CancellationToken cancellationToken)
    {
        var user = await access.RequireWriterAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var story = id is { } existingId ? await LoadAsync(db, existingId, tracking: true, cancellationToken) : null;
        var missing = id is not null && story is null;
        var refusal = missing ? null : ContributorRules.RefuseSaving(user, story is null ? null : StateOf(story), action);
        return new EditWork(user, now, db, story, missing, refusal);
    }

    public static StoryState StateOf(Story story) =>
        new(story.OwnerId, story.PublishedAt is null, story.PublishedAt is null && story.SubmittedForReviewAt is not null);

    public static Task<Story?> LoadAsync(NewsDbContext db, int id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Stories
            .Include(a => a.Categories).ThenInclude(l => l.Category)
            .Include(a => a.Tags).ThenInclude(l => l.Tag)
            .Include(a => a.Authors).ThenInclude(l => l.Author)
            .AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    public static Task<string?> SlugOwnerAsync(NewsDbContext db, string slug, int? exceptId, CancellationToken cancellationToken) =>
        db.Stories.AsNoTracking()
            .Where(a => a.Slug == slug && a.Id != (exceptId ?? 0))
            .Select(a => a.Title)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Applies a valid input to the story (a new one when null), with a new version and the slug history.</summary>
    public async Task<Story> WriteAsync(
        NewsDbContext db, Story? story, StoryInput input, Guid? expectedVersion, DateTime now, string ownerId, CancellationToken cancellationToken)
    {
        string? oldSlug = null;
        var wasLive = false;
        if (story is null)
        {
            story = new Story { Title = "", Slug = input.EffectiveSlug, CreatedAt = now, OwnerId = ownerId };
            db.Stories.Add(story);
        }
        else
        {
            oldSlug = story.Slug;
            wasLive = story.PublishedAt is { } publishedAt && publishedAt <= now;
            // The version check goes into the UPDATE itself, so a save that lands between our read
            // and our write is caught too.
            db.Entry(story).Property(a => a.Version).OriginalValue = expectedVersion!.Value;
        }

        await stories.ApplyAsync(db, story, input, cancellationToken);
        story.UpdatedAt = now;
        story.Version = Guid.NewGuid();

        // A slug a story now has is no longer anybody's old slug: the live story wins over an old link.
        var newSlug = story.Slug;
        await db.SlugRedirects.Where(r => r.OldSlug == newSlug).ExecuteDeleteAsync(cancellationToken);
        if (wasLive && oldSlug is not null && oldSlug != newSlug)
        {
            // Readers (and search engines) know a published story by its URL: keep the old one working.
            db.SlugRedirects.Add(new SlugRedirect { OldSlug = oldSlug, Story = story, CreatedAt = now });
        }
        return story;
    }

    public readonly record struct CommitOutcome(bool Conflict, string? SlugOwner);

    /// <summary>
    /// Saves and commits, or rolls everything back (the story, its revision, its redirects) and says
    /// why: the version moved on, or another story took the slug between our check and our write.
    /// </summary>
    public static async Task<CommitOutcome> CommitAsync(
        NewsDbContext db, IDbContextTransaction transaction, string slug, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new CommitOutcome(false, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new CommitOutcome(true, null);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var owner = await SlugOwnerAsync(db, slug, null, cancellationToken);
            if (owner is null)
            {
                throw;
            }
            return new CommitOutcome(false, owner);
        }
    }

    public async Task<SaveResult> ConflictAsync(NewsDbContext db, int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await LoadAsync(db, id, tracking: false, cancellationToken);
        if (stored is null)
        {
            return new SaveResult.NotFound();
        }
        // Explicit saves leave a revision stamped with the story's UpdatedAt; autosaves do not.
        var savedBy = await db.StoryRevisions.AsNoTracking()
            .Where(r => r.StoryId == id && r.CreatedAt == stored.UpdatedAt)
            .OrderByDescending(r => r.Id)
            .Select(r => r.UserName)
            .FirstOrDefaultAsync(cancellationToken);
        return new SaveResult.Conflict(ToEdit(stored), savedBy);
    }

    public StoryEdit ToEdit(Story story) => new(
        story.Id,
        story.Version,
        new StoryDraft(
            story.Title,
            story.Slug,
            story.Summary,
            Authors.AuthorNames.Join(Authors.AuthorLinks.NamesOf(story)),
            story.Body,
            story.LeadImage ?? "",
            StoryDraft.JoinTerms(story.Categories.OrderBy(l => l.Position).Select(l => l.Category!.Name)),
            StoryDraft.JoinTerms(story.Tags.OrderBy(l => l.Position).Select(l => l.Tag!.Name))),
        StoryDraft.StatusOf(story.PublishedAt, story.SubmittedForReviewAt, clock.GetUtcNow().UtcDateTime),
        story.PublishedAt,
        story.UpdatedAt)
    {
        Correction = story.Correction,
        NotifiedUpdateAt = story.NotifiedUpdateAt,
        ReviewNote = story.ReviewNote,
    };
}

/// <summary>
/// One save's work; <see cref="Missing"/> when the story asked for by id does not exist (any more),
/// <see cref="Refusal"/> when the signed-in account may not make this change to it.
/// </summary>
public sealed record EditWork(CurrentEditor User, DateTime Now, NewsDbContext Db, Story? Story, bool Missing, string? Refusal) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
