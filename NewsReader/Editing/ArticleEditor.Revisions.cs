using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Editing;

/// <summary>Revisions: what every explicit save (and an import that changes a story) keeps.</summary>
public sealed partial class ArticleEditor
{
    /// <summary>The story's revisions, newest first.</summary>
    public async Task<IReadOnlyList<RevisionSummary>> GetRevisionsAsync(int id, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new RevisionSummary(r.Id, r.CreatedAt, r.UserName, r.Action, r.Title))
            .ToListAsync(cancellationToken);
    }

    public async Task<Revision?> GetRevisionAsync(int id, long revisionId, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id && r.Id == revisionId)
            .Select(r => new Revision(r.Id, r.CreatedAt, r.UserName, r.Action,
                new StoryDraft(r.Title, r.Slug, r.Summary, r.Author, r.Body, r.LeadImage ?? "", r.Categories, r.Tags),
                r.PublishedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static string ActionLabel(PublishAction action, DateTime? publishedAt, DateTime now) => action switch
    {
        PublishAction.PublishNow => "Published",
        PublishAction.Schedule => "Scheduled",
        PublishAction.Unpublish => "Unpublished",
        _ => StoryDraft.StatusOf(publishedAt, now) == StoryStatus.Draft ? "Saved draft" : "Saved",
    };

    /// <summary>The story's fields as they are now, as a revision; the import keeps one before it changes a story.</summary>
    internal static ArticleRevision RevisionOf(Article article, string user, string action, DateTime now) => new()
    {
        Article = article,
        CreatedAt = now,
        UserName = user,
        Action = action,
        Title = article.Title,
        Slug = article.Slug,
        Summary = article.Summary,
        Author = article.Author,
        Body = article.Body,
        LeadImage = article.LeadImage,
        Categories = StoryDraft.JoinTerms(article.Categories.OrderBy(l => l.Position).Select(l => l.Category!.Name)),
        Tags = StoryDraft.JoinTerms(article.Tags.OrderBy(l => l.Position).Select(l => l.Tag!.Name)),
        PublishedAt = article.PublishedAt,
    };
}
