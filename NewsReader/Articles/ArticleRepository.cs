using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Data;

namespace NewsReader.Articles;

/// <summary>The reader side's queries: published stories only, as read models, never tracked.</summary>
public sealed class ArticleRepository(
    IDbContextFactory<NewsDbContext> dbFactory,
    IOptions<NewsReaderOptions> options,
    TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>Page numbers beyond this are answered 404 without a query.</summary>
    public const int MaxPage = 1_000_000;

    private int WordsPerMinute => options.Value.WordsPerMinute;

    public Task<PagedList<ArticleListItem>> GetLatestAsync(int page, CancellationToken cancellationToken) =>
        GetPageAsync(_ => true, page, cancellationToken);

    public Task<PagedList<ArticleListItem>> GetByCategoryAsync(string categorySlug, int page, CancellationToken cancellationToken) =>
        GetPageAsync(a => a.Categories.Any(c => c.Category!.Slug == categorySlug), page, cancellationToken);

    public Task<PagedList<ArticleListItem>> GetByTagAsync(string tagSlug, int page, CancellationToken cancellationToken) =>
        GetPageAsync(a => a.Tags.Any(t => t.Tag!.Slug == tagSlug), page, cancellationToken);

    public async Task<ArticleView?> GetPublishedAsync(string slug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug && a.PublishedAt != null && a.PublishedAt <= now)
            .Select(a => new
            {
                a.Id, a.Title, a.Slug, a.Summary, a.Author, a.BodyHtml, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt,
                a.LeadImage, Measure = new TextMeasure(a.WordCount, a.CjkCharacterCount, a.ImageCount),
                Categories = a.Categories.OrderBy(c => c.Position).Select(c => new TermLink(c.Category!.Name, c.Category.Slug)).ToList(),
                Tags = a.Tags.OrderBy(t => t.Position).Select(t => new TermLink(t.Tag!.Name, t.Tag.Slug)).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

        return row is null
            ? null
            : new ArticleView(row.Id, row.Title, row.Slug, row.Summary, row.Author, row.BodyHtml, row.PublishedAt,
                row.UpdatedAt, row.LeadImage, ReadTime.From(row.Measure, WordsPerMinute), row.Categories, row.Tags);
    }

    /// <summary>The current slug of a published story that used to be at <paramref name="oldSlug"/>.</summary>
    public async Task<string?> FindCurrentSlugAsync(string oldSlug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SlugRedirects.AsNoTracking()
            .Where(r => r.OldSlug == oldSlug && r.Article!.PublishedAt != null && r.Article.PublishedAt <= now)
            .Select(r => r.Article!.Slug)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<TermLink?> FindCategoryAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new TermLink(c.Name, c.Slug)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<TermLink?> FindTagAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Tags.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new TermLink(t.Name, t.Slug)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Categories that have published stories, most stories first, for the app bar.</summary>
    public async Task<IReadOnlyList<TermLink>> GetNavigationCategoriesAsync(int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking()
            .Select(c => new { c.Name, c.Slug, Stories = c.Articles.Count(l => l.Article!.PublishedAt != null && l.Article.PublishedAt <= now) })
            .Where(c => c.Stories > 0)
            .OrderByDescending(c => c.Stories).ThenBy(c => c.Name)
            .Take(count)
            .Select(c => new TermLink(c.Name, c.Slug))
            .ToListAsync(cancellationToken);
    }

    private async Task<PagedList<ArticleListItem>> GetPageAsync(
        System.Linq.Expressions.Expression<Func<Article, bool>> filter, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var published = db.Articles.AsNoTracking()
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now)
            .Where(filter);

        var total = await published.CountAsync(cancellationToken);
        var rows = await published
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.Id, a.Title, a.Slug, a.Summary, a.Author, PublishedAt = a.PublishedAt!.Value, a.LeadImage,
                Measure = new TextMeasure(a.WordCount, a.CjkCharacterCount, a.ImageCount),
                Categories = a.Categories.OrderBy(c => c.Position).Select(c => new TermLink(c.Category!.Name, c.Category.Slug)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var cards = rows.Select(r => new ArticleListItem(r.Id, r.Title, r.Slug, r.Summary, r.Author, r.PublishedAt,
            r.LeadImage, ReadTime.From(r.Measure, WordsPerMinute), r.Categories)).ToList();
        return new PagedList<ArticleListItem>(cards, page, PageSize, total);
    }
}
