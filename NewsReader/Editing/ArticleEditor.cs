using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Accounts;
using NewsReader.Articles;
using NewsReader.Data;

namespace NewsReader.Editing;

/// <summary>
/// The editor's operations on one story by id: create, save, publish, schedule, unpublish, delete,
/// autosave, revisions. Every write is checked against the version the editor loaded, so two
/// editors cannot overwrite each other silently; every explicit save keeps a revision; every change
/// is announced to <see cref="ArticleChanges"/>. The fields are applied by <see cref="ArticleService"/>,
/// the same code the importer uses, so a story saved here renders and measures exactly like an imported one.
/// </summary>
public sealed partial class ArticleEditor(
    IDbContextFactory<NewsDbContext> dbFactory,
    ArticleService articles,
    ArticleChanges changes,
    EditorAccess access,
    TimeProvider clock)
{
    public async Task<StoryTable> ListAsync(StoryQuery query, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stories = db.Articles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            stories = stories.Where(a => a.Title.ToLower().Contains(term));
        }
        stories = query.Status switch
        {
            StoryStatus.Draft => stories.Where(a => a.PublishedAt == null),
            StoryStatus.Scheduled => stories.Where(a => a.PublishedAt > now),
            StoryStatus.Published => stories.Where(a => a.PublishedAt <= now),
            _ => stories,
        };

        var total = await stories.CountAsync(cancellationToken);
        var ordered = query.Sort switch
        {
            StorySort.Title => query.Descending ? stories.OrderByDescending(a => a.Title) : stories.OrderBy(a => a.Title),
            StorySort.Author => query.Descending ? stories.OrderByDescending(a => a.Author) : stories.OrderBy(a => a.Author),
            StorySort.Published => query.Descending ? stories.OrderByDescending(a => a.PublishedAt) : stories.OrderBy(a => a.PublishedAt),
            // Draft, then scheduled, then published: the order of a story's life.
            StorySort.Status => query.Descending
                ? stories.OrderByDescending(a => a.PublishedAt == null ? 0 : a.PublishedAt > now ? 1 : 2)
                : stories.OrderBy(a => a.PublishedAt == null ? 0 : a.PublishedAt > now ? 1 : 2),
            _ => query.Descending ? stories.OrderByDescending(a => a.UpdatedAt) : stories.OrderBy(a => a.UpdatedAt),
        };
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var rows = await ordered.ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.Title, a.Slug, a.Author, a.UpdatedAt, a.PublishedAt })
            .ToListAsync(cancellationToken);
        return new StoryTable(
            rows.Select(r => new StoryRow(r.Id, r.Title, r.Slug, StoryDraft.StatusOf(r.PublishedAt, now), r.Author, r.UpdatedAt, r.PublishedAt)).ToList(),
            total);
    }

    public async Task<StoryEdit?> GetAsync(int id, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await LoadAsync(db, id, tracking: false, cancellationToken);
        return article is null ? null : ToEdit(article);
    }

    /// <summary>The title of the story, other than <paramref name="exceptId"/>, that has this slug; null when it is free.</summary>
    public async Task<string?> FindSlugOwnerAsync(string slug, int? exceptId, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SlugOwnerAsync(db, slug, exceptId, cancellationToken);
    }

    public Task<SaveResult> CreateAsync(StoryDraft draft, CancellationToken cancellationToken) =>
        SaveAsync(null, null, draft, PublishAction.Keep, null, cancellationToken);

    public Task<SaveResult> SaveDraftAsync(int id, Guid version, StoryDraft draft, CancellationToken cancellationToken) =>
        SaveAsync(id, version, draft, PublishAction.Keep, null, cancellationToken);

    public Task<SaveResult> PublishNowAsync(int id, Guid version, StoryDraft draft, CancellationToken cancellationToken) =>
        SaveAsync(id, version, draft, PublishAction.PublishNow, null, cancellationToken);

    public Task<SaveResult> ScheduleAsync(int id, Guid version, StoryDraft draft, DateTime publishAtUtc, CancellationToken cancellationToken) =>
        SaveAsync(id, version, draft, PublishAction.Schedule, publishAtUtc, cancellationToken);

    public Task<SaveResult> UnpublishAsync(int id, Guid version, StoryDraft draft, CancellationToken cancellationToken) =>
        SaveAsync(id, version, draft, PublishAction.Unpublish, null, cancellationToken);

    /// <summary>
    /// Saves the editor's fields and applies <paramref name="action"/>; a new story when
    /// <paramref name="id"/> is null. Saves nothing when the input is invalid, the slug belongs to
    /// another story, or the stored version is not <paramref name="expectedVersion"/>.
    /// </summary>
    public async Task<SaveResult> SaveAsync(
        int? id, Guid? expectedVersion, StoryDraft draft, PublishAction action, DateTime? publishAtUtc,
        CancellationToken cancellationToken)
    {
        var user = await access.RequireEditorAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        Article? article = null;
        if (id is { } existingId)
        {
            article = await LoadAsync(db, existingId, tracking: true, cancellationToken);
            if (article is null)
            {
                return new SaveResult.NotFound();
            }
            if (article.Version != expectedVersion)
            {
                return await ConflictAsync(db, existingId, cancellationToken);
            }
        }

        if (action == PublishAction.Schedule && (publishAtUtc is not { } at || at <= now))
        {
            return new SaveResult.Invalid([new(StoryField.PublishAt, "Choose a date and time in the future to schedule the story, or publish it now.")]);
        }
        DateTime? publishedAt = action switch
        {
            PublishAction.PublishNow => article?.PublishedAt is { } was && was <= now ? was : now,
            PublishAction.Schedule => DateTime.SpecifyKind(publishAtUtc!.Value, DateTimeKind.Utc),
            PublishAction.Unpublish => null,
            _ => article?.PublishedAt,
        };

        var input = draft.ToInput(publishedAt);
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return new SaveResult.Invalid(errors);
        }
        if (await SlugOwnerAsync(db, input.EffectiveSlug, id, cancellationToken) is { } otherTitle)
        {
            return new SaveResult.SlugTaken(input.EffectiveSlug, otherTitle);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        article = await WriteAsync(db, article, input, expectedVersion, now, cancellationToken);
        db.ArticleRevisions.Add(RevisionOf(article, user.Name, ActionLabel(action, article.PublishedAt, now), now));
        if (id is not null)
        {
            // The explicit save supersedes this editor's autosaved copy.
            await db.ArticleAutosaves.Where(a => a.ArticleId == id && a.UserId == user.UserId).ExecuteDeleteAsync(cancellationToken);
        }

        var outcome = await CommitAsync(db, transaction, input.EffectiveSlug, cancellationToken);
        if (outcome.Conflict)
        {
            return await ConflictAsync(db, id!.Value, cancellationToken);
        }
        if (outcome.SlugOwner is { } owner)
        {
            return new SaveResult.SlugTaken(input.EffectiveSlug, owner);
        }
        await changes.PublishAsync([article.Id], cancellationToken);
        return new SaveResult.Saved(ToEdit(article));
    }

    public async Task<SaveResult> DeleteAsync(int id, Guid expectedVersion, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Articles.Where(a => a.Id == id && a.Version == expectedVersion).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return await db.Articles.AnyAsync(a => a.Id == id, cancellationToken)
                ? await ConflictAsync(db, id, cancellationToken)
                : new SaveResult.NotFound();
        }
        await changes.PublishAsync([id], cancellationToken);
        return new SaveResult.Deleted();
    }

    private static Task<Article?> LoadAsync(NewsDbContext db, int id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Articles
            .Include(a => a.Categories).ThenInclude(l => l.Category)
            .Include(a => a.Tags).ThenInclude(l => l.Tag)
            .AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    private static Task<string?> SlugOwnerAsync(NewsDbContext db, string slug, int? exceptId, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug && a.Id != (exceptId ?? 0))
            .Select(a => a.Title)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Applies a valid input to the story (a new one when null), with a new version and the slug history.</summary>
    private async Task<Article> WriteAsync(
        NewsDbContext db, Article? article, ArticleInput input, Guid? expectedVersion, DateTime now, CancellationToken cancellationToken)
    {
        string? oldSlug = null;
        var wasLive = false;
        if (article is null)
        {
            article = new Article { Title = "", Slug = input.EffectiveSlug, CreatedAt = now };
            db.Articles.Add(article);
        }
        else
        {
            oldSlug = article.Slug;
            wasLive = article.PublishedAt is { } publishedAt && publishedAt <= now;
            // The version check goes into the UPDATE itself, so a save that lands between our read
            // and our write is caught too.
            db.Entry(article).Property(a => a.Version).OriginalValue = expectedVersion!.Value;
        }

        await articles.ApplyAsync(db, article, input, cancellationToken);
        article.UpdatedAt = now;
        article.Version = Guid.NewGuid();

        // A slug a story now has is no longer anybody's old slug: the live story wins over an old link.
        var newSlug = article.Slug;
        await db.SlugRedirects.Where(r => r.OldSlug == newSlug).ExecuteDeleteAsync(cancellationToken);
        if (wasLive && oldSlug is not null && oldSlug != newSlug)
        {
            // Readers (and search engines) know a published story by its URL: keep the old one working.
            db.SlugRedirects.Add(new SlugRedirect { OldSlug = oldSlug, Article = article, CreatedAt = now });
        }
        return article;
    }

    private readonly record struct CommitOutcome(bool Conflict, string? SlugOwner);

    /// <summary>
    /// Saves and commits, or rolls everything back (the story, its revision, its redirects) and says
    /// why: the version moved on, or another story took the slug between our check and our write.
    /// </summary>
    private static async Task<CommitOutcome> CommitAsync(
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

    private async Task<SaveResult> ConflictAsync(NewsDbContext db, int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await LoadAsync(db, id, tracking: false, cancellationToken);
        if (stored is null)
        {
            return new SaveResult.NotFound();
        }
        // Explicit saves leave a revision stamped with the story's UpdatedAt; autosaves do not.
        var savedBy = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id && r.CreatedAt == stored.UpdatedAt)
            .OrderByDescending(r => r.Id)
            .Select(r => r.UserName)
            .FirstOrDefaultAsync(cancellationToken);
        return new SaveResult.Conflict(ToEdit(stored), savedBy);
    }

    private StoryEdit ToEdit(Article article) => new(
        article.Id,
        article.Version,
        new StoryDraft(
            article.Title,
            article.Slug,
            article.Summary,
            article.Author,
            article.Body,
            article.LeadImage ?? "",
            StoryDraft.JoinTerms(article.Categories.OrderBy(l => l.Position).Select(l => l.Category!.Name)),
            StoryDraft.JoinTerms(article.Tags.OrderBy(l => l.Position).Select(l => l.Tag!.Name))),
        StoryDraft.StatusOf(article.PublishedAt, clock.GetUtcNow().UtcDateTime),
        article.PublishedAt,
        article.UpdatedAt);
}
