using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Stories;
using NewsReader.Data;
using NewsReader.Review;

namespace NewsReader.Editing;

/// <summary>The revisions every save keeps: the list of a story's revisions and one revision's fields.</summary>
public sealed class StoryRevisions(IDbContextFactory<NewsDbContext> dbFactory, EditorAccess access)
{
    /// <summary>The story's revisions, newest first.</summary>
    public async Task<IReadOnlyList<RevisionSummary>> GetRevisionsAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireReaderAsync(db, id, cancellationToken);
        return await db.StoryRevisions.AsNoTracking()
            .Where(r => r.StoryId == id)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new RevisionSummary(r.Id, r.CreatedAt, r.UserName, r.Action, r.Title))
            .ToListAsync(cancellationToken);
    }

    public async Task<Revision?> GetRevisionAsync(int id, long revisionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireReaderAsync(db, id, cancellationToken);
        return await db.StoryRevisions.AsNoTracking()
            .Where(r => r.StoryId == id && r.Id == revisionId)
            .Select(r => new Revision(r.Id, r.CreatedAt, r.UserName, r.Action,
                new StoryDraft(r.Title, r.Slug, r.Summary, r.Author, r.Body, r.LeadImage ?? "", r.Categories, r.Tags),
                r.PublishedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Editors may read any story's revisions, contributors only their own stories' (restoring one
    /// means reading it first); anyone else gets <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    private async Task RequireReaderAsync(NewsDbContext db, int id, CancellationToken cancellationToken)
    {
        var user = await access.RequireWriterAsync(cancellationToken);
        if (user.IsEditor)
        {
            return;
        }
        var owner = await db.Stories.AsNoTracking().Where(s => s.Id == id).Select(s => s.OwnerId).FirstOrDefaultAsync(cancellationToken);
        if (ContributorRules.RefuseReading(user, owner) is { } refusal)
        {
            throw new UnauthorizedAccessException(refusal);
        }
    }

    /// <summary>The story's fields as they are now, as a revision; the import keeps one before it changes a story.</summary>
    internal static StoryRevision RevisionOf(Story story, string user, string action, DateTime now) => new()
    {
        Story = story,
        CreatedAt = now,
        UserName = user,
        Action = action,
        Title = story.Title,
        Slug = story.Slug,
        Summary = story.Summary,
        Author = Authors.AuthorNames.Join(Authors.AuthorLinks.NamesOf(story)),
        Body = story.Body,
        LeadImage = story.LeadImage,
        Categories = StoryDraft.JoinTerms(story.Categories.OrderBy(l => l.Position).Select(l => l.Category!.Name)),
        Tags = StoryDraft.JoinTerms(story.Tags.OrderBy(l => l.Position).Select(l => l.Tag!.Name)),
        PublishedAt = story.PublishedAt,
    };
}
