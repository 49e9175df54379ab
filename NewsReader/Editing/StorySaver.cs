using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Stories;
using NewsReader.Data;
using NewsReader.Media;
using NewsReader.Review;

namespace NewsReader.Editing;

/// <summary>
/// Saves a story by id: save, publish now, schedule, unpublish, delete. Every write is checked
/// against the version the editor loaded, so two editors cannot overwrite each other silently;
/// every save keeps a revision; every change is announced to <see cref="StoryChanges"/>. The
/// fields are applied by <see cref="StoryWriter"/>, the code the importer uses, so a story saved
/// here renders and measures exactly like an imported one.
/// </summary>
public sealed class StorySaver(
    IDbContextFactory<NewsDbContext> dbFactory,
    StoryStore store,
    StoryChanges changes,
    MarkdownRenderer markdown,
    MediaPictures pictures,
    EditorAccess access)
{
    /// <summary>The story as the editor opens it; null when it does not exist or is not the signed-in contributor's.</summary>
    public async Task<StoryEdit?> GetAsync(int id, CancellationToken cancellationToken)
    {
        var user = await access.RequireWriterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var story = await StoryStore.LoadAsync(db, id, tracking: false, cancellationToken);
        return story is null || ContributorRules.RefuseReading(user, story.OwnerId) is not null ? null : store.ToEdit(story);
    }

    /// <summary>The title of the story, other than <paramref name="exceptId"/>, that has this slug; null when it is free.</summary>
    public async Task<string?> FindSlugOwnerAsync(string slug, int? exceptId, CancellationToken cancellationToken)
    {
        await access.RequireWriterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await StoryStore.SlugOwnerAsync(db, slug, exceptId, cancellationToken);
    }

    /// <summary>
    /// Saves the editor's fields and applies <paramref name="action"/>; a new story when
    /// <paramref name="id"/> is null. Saves nothing when the input is invalid, the slug belongs to
    /// another story, or the stored version is not <paramref name="expectedVersion"/>.
    /// <paramref name="notice"/> is what readers of a published story are told about the change.
    /// </summary>
    public async Task<SaveResult> SaveAsync(
        int? id, Guid? expectedVersion, StoryDraft draft, PublishAction action, DateTime? publishAtUtc,
        CancellationToken cancellationToken, ReaderNotice? notice = null)
    {
        await using var work = await store.BeginAsync(id, action, cancellationToken);
        var (user, now, db, story) = (work.User, work.Now, work.Db, work.Story);
        if (work.Missing)
        {
            return new SaveResult.NotFound();
        }
        if (work.Refusal is { } refusal)
        {
            return new SaveResult.Refused(refusal);
        }
        if (story is not null && story.Version != expectedVersion)
        {
            return await store.ConflictAsync(db, story.Id, cancellationToken);
        }

        if (action == PublishAction.Schedule && (publishAtUtc is not { } at || at <= now))
        {
            return new SaveResult.Invalid([new(StoryField.PublishAt, "Choose a date and time in the future to schedule the story, or publish it now.")]);
        }
        DateTime? publishedAt = action switch
        {
            PublishAction.PublishNow => story?.PublishedAt is { } was && was <= now ? was : now,
            PublishAction.Schedule => DateTime.SpecifyKind(publishAtUtc!.Value, DateTimeKind.Utc),
            PublishAction.Unpublish or PublishAction.SubmitForReview => null,
            _ => story?.PublishedAt,
        };

        var input = draft.ToInput(publishedAt);
        var errors = input.Validate().Concat((notice ?? ReaderNotice.None).Validate()).ToList();
        if (errors.Count > 0)
        {
            return new SaveResult.Invalid(errors);
        }
        if (action is PublishAction.PublishNow or PublishAction.Schedule && await UndescribedPicturesAsync(input, cancellationToken) is { } undescribed)
        {
            return new SaveResult.Invalid([undescribed]);
        }
        if (await StoryStore.SlugOwnerAsync(db, input.EffectiveSlug, id, cancellationToken) is { } otherTitle)
        {
            return new SaveResult.SlugTaken(input.EffectiveSlug, otherTitle);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var wasLive = story?.PublishedAt <= now;
        story = await store.WriteAsync(db, story, input, expectedVersion, now, user.UserId, cancellationToken);
        notice?.ApplyTo(story, wasLive, now, markdown);
        ApplyReview(story, action, now);
        db.StoryRevisions.Add(StoryRevisions.RevisionOf(story, user.Name, ActionLabel(action, story.PublishedAt, now), now));
        if (id is not null)
        {
            // The explicit save supersedes this editor's autosaved copy.
            await db.AutosaveSlots.Where(a => a.StoryId == id && a.UserId == user.UserId).ExecuteDeleteAsync(cancellationToken);
        }

        var outcome = await StoryStore.CommitAsync(db, transaction, input.EffectiveSlug, cancellationToken);
        if (outcome.Conflict)
        {
            return await store.ConflictAsync(db, id!.Value, cancellationToken);
        }
        if (outcome.SlugOwner is { } owner)
        {
            return new SaveResult.SlugTaken(input.EffectiveSlug, owner);
        }
        await changes.NotifyAsync([story.Id], cancellationToken);
        return new SaveResult.Saved(store.ToEdit(story));
    }

    public async Task<SaveResult> DeleteAsync(int id, Guid expectedVersion, CancellationToken cancellationToken)
    {
        if (ContributorRules.RefuseDeleting(await access.RequireWriterAsync(cancellationToken)) is { } refusal)
        {
            return new SaveResult.Refused(refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Stories.Where(a => a.Id == id && a.Version == expectedVersion).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return await db.Stories.AnyAsync(a => a.Id == id, cancellationToken)
                ? await store.ConflictAsync(db, id, cancellationToken)
                : new SaveResult.NotFound();
        }
        await changes.NotifyAsync([id], cancellationToken);
        return new SaveResult.Deleted();
    }

    private static string ActionLabel(PublishAction action, DateTime? publishedAt, DateTime now) => action switch
    {
        PublishAction.PublishNow => "Published",
        PublishAction.Schedule => "Scheduled",
        PublishAction.Unpublish => "Unpublished",
        PublishAction.SubmitForReview => "Submitted for review",
        _ => StoryDraft.StatusOf(publishedAt, now) == StoryStatus.Draft ? "Saved draft" : "Saved",
    };

    /// <summary>
    /// Submitting puts a draft in the review queue (and retires the note it was sent back with);
    /// publishing or scheduling takes it out, and unpublishing makes a plain draft again.
    /// </summary>
    private static void ApplyReview(Story story, PublishAction action, DateTime now)
    {
        switch (action)
        {
            case PublishAction.SubmitForReview:
                story.SubmittedForReviewAt = now;
                story.ReviewNote = null;
                break;
            case PublishAction.PublishNow or PublishAction.Schedule or PublishAction.Unpublish:
                story.SubmittedForReviewAt = null;
                story.ReviewNote = null;
                break;
        }
    }

    /// <summary>Readers who cannot see a picture get its alt text: a story goes live only when every picture has one.</summary>
    private async Task<ValidationError?> UndescribedPicturesAsync(StoryInput input, CancellationToken cancellationToken)
    {
        var html = markdown.ToSafeHtml(input.Body);
        var hashes = MediaUrls.HashesIn(html).Append(MediaUrls.HashOf(input.LeadImage)).OfType<string>();
        var missing = StoryPictures.MissingAltText(html, input.LeadImage, await pictures.FindAsync(hashes, cancellationToken));
        if (missing.Count == 0)
        {
            return null;
        }
        var onlyLead = missing.Count == 1 && missing[0].StartsWith("the lead image", StringComparison.Ordinal);
        return new ValidationError(onlyLead ? StoryField.LeadImage : StoryField.Body,
            "Describe every picture before publishing (alt text, for readers who cannot see it). Missing: " + string.Join("; ", missing) + ".");
    }
}
