using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Editing;
using NewsReader.Stories;

namespace NewsReader.Review;

/// <summary>How many stories wait for an editor: what the admin bar shows (and layout tests replace).</summary>
public interface IReviewCount
{
    Task<int> CountAsync(CancellationToken cancellationToken);
}

/// <summary>One story waiting in the review queue.</summary>
public sealed record ReviewQueueItem(int Id, string Title, string Contributor, DateTime SubmittedAt);

/// <summary>
/// The editors' side of review: the queue of submitted stories, oldest first, its length for the
/// admin bar, and sending a story back to its contributor with a note. Publishing or scheduling a
/// story from the queue is an ordinary save in the editor, which takes it out of review. Every
/// method is for editors only.
/// </summary>
public sealed class ReviewDesk(IDbContextFactory<NewsDbContext> dbFactory, EditorAccess access, StoryStore store, TimeProvider clock)
    : IReviewCount
{
    public const string NoteRequired = "Write a note that tells the contributor what to change.";
    public const string NotInReview = "This story is not in review any more, so it cannot be sent back.";

    public async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from story in InReview(db)
                join user in db.Users on story.OwnerId equals user.Id into owners
                from owner in owners.DefaultIfEmpty()
                orderby story.SubmittedForReviewAt, story.Id
                select new
                {
                    story.Id, story.Title, DisplayName = owner == null ? null : owner.DisplayName,
                    Email = owner == null ? null : owner.Email, story.SubmittedForReviewAt,
                })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ReviewQueueItem(r.Id, r.Title, NameOf(r.DisplayName, r.Email), r.SubmittedForReviewAt!.Value))
            .ToList();
    }

    /// <summary>How many stories wait for an editor.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InReview(db).CountAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the story out of review and back to its contributor, who sees <paramref name="note"/> in
    /// the editor and in their list. Checked against the version the editor loaded, like every save.
    /// </summary>
    public async Task<SaveResult> SendBackAsync(int id, Guid expectedVersion, string note, CancellationToken cancellationToken)
    {
        var editor = await access.RequireEditorAsync(cancellationToken);
        var text = note.Trim();
        if (text.Length == 0 || text.Length > ReviewConfiguration.NoteLength)
        {
            return new SaveResult.Invalid([new(StoryField.ReviewNote,
                text.Length == 0 ? NoteRequired : $"The note must be at most {ReviewConfiguration.NoteLength} characters.")]);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var story = await StoryStore.LoadAsync(db, id, tracking: true, cancellationToken);
        if (story is null)
        {
            return new SaveResult.NotFound();
        }
        if (story.Version != expectedVersion)
        {
            return await store.ConflictAsync(db, id, cancellationToken);
        }
        if (!StoryStore.StateOf(story).InReview)
        {
            return new SaveResult.Refused(NotInReview);
        }

        db.Entry(story).Property(a => a.Version).OriginalValue = expectedVersion;
        story.SubmittedForReviewAt = null;
        story.ReviewNote = text;
        story.UpdatedAt = now;
        story.Version = Guid.NewGuid();
        db.StoryRevisions.Add(StoryRevisions.RevisionOf(story, editor.Name, "Sent back", now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await store.ConflictAsync(db, id, cancellationToken);
        }
        return new SaveResult.Saved(store.ToEdit(story));
    }

    private static IQueryable<Story> InReview(NewsDbContext db) =>
        db.Stories.AsNoTracking().Where(s => s.PublishedAt == null && s.SubmittedForReviewAt != null);

    // Stories from before owners were recorded have none; an account without a display name goes by its email.
    private static string NameOf(string? displayName, string? email) =>
        !string.IsNullOrWhiteSpace(displayName) ? displayName : email ?? "Unknown";
}
