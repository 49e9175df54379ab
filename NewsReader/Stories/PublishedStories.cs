using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Data;

namespace NewsReader.Stories;

/// <summary>The reader side's queries: published stories only, as read models, never tracked.</summary>
public sealed class PublishedStories(
    IDbContextFactory<NewsDbContext> dbFactory,
    IOptions<NewsReaderOptions> options,
    StoryPositions positions,
    StoryPageReads pageReads,
    TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>Featured stories looked at for the leads; editors feature a few at a time (see FrontPageDesk).</summary>
    private const int FeaturedScanLimit = 50;

    /// <summary>Page numbers beyond this are answered 404 without a query.</summary>
    public const int MaxPage = 1_000_000;

    private int WordsPerMinute => options.Value.WordsPerMinute;

    public Task<PagedList<StoryListItem>> GetLatestAsync(int page, CancellationToken cancellationToken) =>
        GetPageAsync(null, page, cancellationToken);

    public Task<PagedList<StoryListItem>> GetByTermAsync(Term term, int page, CancellationToken cancellationToken) =>
        GetPageAsync(term, page, cancellationToken);

    /// <summary>
    /// The home page: the featured stories (most recently featured first, at most
    /// <paramref name="maxLeads"/>) as its leads, then the newest of the others, so none shows twice.
    /// </summary>
    public async Task<FrontPageView> GetFrontPageAsync(int page, int maxLeads, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> leadIds;
        Dictionary<int, StoryListItem> leads;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Asked of the FeaturedAt index alone, the publish check done here on the few it finds:
            // with PublishedAt in the query SQLite walked every published story's row instead
            // (FeaturedAt is stored after the body), 200 ms a home page at 100,000 stories.
            var featured = await db.Stories.AsNoTracking()
                .Where(a => a.FeaturedAt != null)
                .OrderByDescending(a => a.FeaturedAt).ThenByDescending(a => a.Id)
                .Take(FeaturedScanLimit)
                .Select(a => new { a.Id, a.PublishedAt })
                .ToListAsync(cancellationToken);
            leadIds = featured.Where(a => a.PublishedAt <= now).Take(maxLeads).Select(a => a.Id).ToList();
            leads = leadIds.Count == 0 ? [] : await CardsAsync(db, leadIds, cancellationToken);
        }
        var list = await GetPageAsync(null, page, cancellationToken, leadIds);
        return new FrontPageView(leadIds.Where(leads.ContainsKey).Select(id => leads[id]).ToList(), list);
    }

    /// <summary>The published story at <paramref name="slug"/>, as its page shows it; null when there is none.</summary>
    public async Task<StoryView?> GetPublishedAsync(string slug, CancellationToken cancellationToken) =>
        (await pageReads.ReadAsync(slug, null, cancellationToken))?.Story;

    /// <summary>The current slug of a published story that used to be at <paramref name="oldSlug"/>.</summary>
    public async Task<string?> FindCurrentSlugAsync(string oldSlug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SlugRedirects.AsNoTracking()
            .Where(r => r.OldSlug == oldSlug && r.Story!.PublishedAt != null && r.Story.PublishedAt <= now)
            .Select(r => r.Story!.Slug)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Term?> FindTermAsync(TermKind kind, string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return kind == TermKind.Category
            ? await db.Categories.AsNoTracking().Where(c => c.Slug == slug)
                .Select(c => new Term(kind, c.Id, c.Name, c.Slug)).FirstOrDefaultAsync(cancellationToken)
            : await db.Tags.AsNoTracking().Where(t => t.Slug == slug)
                .Select(t => new Term(kind, t.Id, t.Name, t.Slug)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Categories that have published stories, most stories first, for the app bar.</summary>
    /// <remarks>
    /// Links minus the few unpublished stories' links: the (CategoryId, StoryId) index answers it
    /// without reading a story row. (Joining each link to its story to read PublishedAt, which is
    /// stored after the body, took seconds at 100,000 stories.)
    /// </remarks>
    public async Task<IReadOnlyList<TermLink>> GetNavigationCategoriesAsync(int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unpublished = db.Stories.AsNoTracking().Where(a => a.PublishedAt == null || a.PublishedAt > now).Select(a => a.Id);
        return await db.Categories.AsNoTracking()
            .Select(c => new { c.Name, c.Slug, Stories = c.Stories.Count(l => !unpublished.Contains(l.StoryId)) })
            .Where(c => c.Stories > 0)
            .OrderByDescending(c => c.Stories).ThenBy(c => c.Name)
            .Take(count)
            .Select(c => new TermLink(c.Name, c.Slug))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One page of a list, newest first. The order, the count and the page's ids come from the
    /// <see cref="StoryOrder"/> kept in memory (a category's or tag's membership from its link
    /// index the first time it is asked for); only the page's 20 stories are read.
    /// </summary>
    private async Task<PagedList<StoryListItem>> GetPageAsync(
        Term? term, int page, CancellationToken cancellationToken, IReadOnlyCollection<int>? leaveOut = null)
    {
        var order = await positions.GetAsync(cancellationToken);
        var skip = (page - 1) * PageSize;
        if (term is null)
        {
            leaveOut ??= [];
            var total = order.Count - order.CountPublished(leaveOut.Distinct());
            var ids = skip < total ? order.Page(skip, PageSize, leaveOut) : [];
            return await ListAsync(ids, page, total, cancellationToken);
        }
        var kind = term.Kind == TermKind.Category ? StoryListKind.Category : StoryListKind.Tag;
        return await GetTermPageAsync(order, kind, term.Id, page, cancellationToken);
    }

    /// <summary>One page of a category's, tag's or author's published stories, newest first.</summary>
    public async Task<PagedList<StoryListItem>> GetTermPageAsync(StoryListKind kind, int termId, int page, CancellationToken cancellationToken) =>
        await GetTermPageAsync(await positions.GetAsync(cancellationToken), kind, termId, page, cancellationToken);

    private async Task<PagedList<StoryListItem>> GetTermPageAsync(
        StoryOrder order, StoryListKind kind, int termId, int page, CancellationToken cancellationToken)
    {
        var ranks = await positions.TermRanksAsync(order, kind, termId, cancellationToken);
        var skip = (page - 1) * PageSize;
        var ids = skip < ranks.Length ? order.TermPage(ranks, skip, PageSize) : [];
        return await ListAsync(ids, page, ranks.Length, cancellationToken);
    }

    private async Task<PagedList<StoryListItem>> ListAsync(List<int> ids, int page, int total, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new PagedList<StoryListItem>([], page, PageSize, total);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byId = await CardsAsync(db, ids, cancellationToken);
        // A story deleted since the order was built is missing here; the change that deleted it
        // has already made the order stale, so the next request gets a full page.
        var cards = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return new PagedList<StoryListItem>(cards, page, PageSize, total);
    }

    /// <summary>The cards of the given stories, by id (in no order): what every story list shows.</summary>
    public async Task<Dictionary<int, StoryListItem>> CardsAsync(NewsDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Stories.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.Title, a.Slug, a.Summary, PublishedAt = a.PublishedAt!.Value, a.LeadImage,
                Authors = a.Authors.OrderBy(l => l.Position).Select(l => new TermLink(l.Author!.Name, l.Author.Slug)).ToList(),
                Measure = new TextMeasure(a.WordCount, a.CjkCharacterCount, a.ImageCount),
                Categories = a.Categories.OrderBy(c => c.Position).Select(c => new TermLink(c.Category!.Name, c.Category.Slug)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new StoryListItem(r.Id, r.Title, r.Slug, r.Summary, r.Authors,
            r.PublishedAt, r.LeadImage, ReadTime.From(r.Measure, WordsPerMinute), r.Categories));
    }
}
