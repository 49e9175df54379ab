using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Stories;
using NewsReader.Data;

namespace NewsReader.Editing;

/// <summary>
/// Autosave: a draft is saved in place; any other working copy goes to the editor's own autosave
/// slot, one per editor and story, so that what was typed survives a dropped connection or a reload.
/// </summary>
public sealed class StoryAutosave(
    IDbContextFactory<NewsDbContext> dbFactory,
    StoryStore store,
    StoryChanges changes,
    EditorAccess access)
{
    /// <summary>
    /// One autosave tick. A draft is saved in place (a new story is created as a draft), but only
    /// with a title: no empty "Untitled" stories. A story readers can see is never touched: the
    /// working copy goes to this editor's autosave slot instead, as it does when someone else saved
    /// the story meanwhile. No revision is kept and nothing is ever published.
    /// </summary>
    public async Task<AutosaveResult> AutosaveAsync(int? id, Guid? expectedVersion, StoryDraft draft, CancellationToken cancellationToken)
    {
        await using var work = await store.BeginAsync(id, PublishAction.Keep, cancellationToken);
        var (user, now, db, story) = (work.User, work.Now, work.Db, work.Story);
        if (work.Missing)
        {
            return new AutosaveResult.NotFound();
        }
        if (work.Refusal is { } refusal)
        {
            // Not even the autosave slot: a contributor keeps no copies of a story that is not theirs to change.
            return new AutosaveResult.Refused(refusal);
        }
        if (story is not null && (story.Version != expectedVersion || story.PublishedAt is not null))
        {
            var conflict = story.Version != expectedVersion;
            await KeepCopyAsync(db, story.Id, user.UserId, expectedVersion ?? story.Version, draft, now, cancellationToken);
            return new AutosaveResult.CopyKept(now, conflict ? await store.ConflictAsync(db, story.Id, cancellationToken) as SaveResult.Conflict : null);
        }

        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            return new AutosaveResult.Skipped("A draft is saved once it has a title.");
        }
        var input = draft.ToInput(publishedAt: null);
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return new AutosaveResult.Skipped(ValidationError.Join(errors));
        }
        if (await StoryStore.SlugOwnerAsync(db, input.EffectiveSlug, id, cancellationToken) is { } otherTitle)
        {
            return new AutosaveResult.Skipped(new SaveResult.SlugTaken(input.EffectiveSlug, otherTitle).Message);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        story = await store.WriteAsync(db, story, input, expectedVersion, now, user.UserId, cancellationToken);
        var outcome = await StoryStore.CommitAsync(db, transaction, input.EffectiveSlug, cancellationToken);
        if (outcome.Conflict)
        {
            await KeepCopyAsync(db, id!.Value, user.UserId, expectedVersion!.Value, draft, now, cancellationToken);
            return new AutosaveResult.CopyKept(now, await store.ConflictAsync(db, id.Value, cancellationToken) as SaveResult.Conflict);
        }
        if (outcome.SlugOwner is { } owner)
        {
            return new AutosaveResult.Skipped(new SaveResult.SlugTaken(input.EffectiveSlug, owner).Message);
        }
        await changes.NotifyAsync([story.Id], cancellationToken);
        return new AutosaveResult.DraftSaved(store.ToEdit(story));
    }

    /// <summary>This editor's autosaved copy of the story, if there is one.</summary>
    public async Task<AutosaveCopy?> GetAutosaveAsync(int id, CancellationToken cancellationToken)
    {
        var user = await access.RequireWriterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AutosaveSlots.AsNoTracking()
            .Where(a => a.StoryId == id && a.UserId == user.UserId)
            .Select(a => new AutosaveCopy(a.SavedAt, a.BaseVersion,
                new StoryDraft(a.Title, a.Slug, a.Summary, a.Author, a.Body, a.LeadImage, a.Categories, a.Tags)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task DiscardAutosaveAsync(int id, CancellationToken cancellationToken)
    {
        var user = await access.RequireWriterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AutosaveSlots.Where(a => a.StoryId == id && a.UserId == user.UserId).ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task KeepCopyAsync(
        NewsDbContext db, int id, string userId, Guid baseVersion, StoryDraft draft, DateTime now, CancellationToken cancellationToken)
    {
        var copy = await db.AutosaveSlots.FirstOrDefaultAsync(a => a.StoryId == id && a.UserId == userId, cancellationToken);
        if (copy is null)
        {
            copy = new AutosaveSlot { StoryId = id, UserId = userId, Title = "" };
            db.AutosaveSlots.Add(copy);
        }
        copy.SavedAt = now;
        copy.BaseVersion = baseVersion;
        copy.Title = draft.Title;
        copy.Slug = draft.Slug;
        copy.Summary = draft.Summary;
        copy.Author = draft.Author;
        copy.Body = draft.Body;
        copy.LeadImage = draft.LeadImage;
        copy.Categories = draft.Categories;
        copy.Tags = draft.Tags;
        await db.SaveChangesAsync(cancellationToken);
    }
}
