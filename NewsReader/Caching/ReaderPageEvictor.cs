using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NewsReader.Stories;
using NewsReader.Data;
using NewsReader.Related;

namespace NewsReader.Caching;

/// <summary>
/// Evicts the cached reader pages a change makes stale (see <see cref="CacheTags"/>), and caps how
/// long a page may be kept so that a scheduled story appears on time.
/// </summary>
/// <remarks>
/// It runs in the <see cref="ChangeStage.CachedPages"/> stage, after the related-story updater, so
/// the stored related lists it reads are the new ones. Pages that showed a changed story carry its <see cref="CacheTags.Story"/> tag; the pages
/// that will show it now are found here: its lists, its new previous/next neighbours, the stories
/// whose related lists now name it, and — when the category menu or the breaking banner changes — every page.
/// </remarks>
public sealed class ReaderPageEvictor(
    IDbContextFactory<NewsDbContext> dbFactory,
    IOutputCacheStore store,
    CacheFreshness freshness,
    CategoryMenu menu,
    FrontPage.BreakingNews breaking,
    RelatedStoriesService related,
    TimeProvider clock,
    ILogger<ReaderPageEvictor> logger) : IStoryChangeListener, IInMemoryStoryState
{
    /// <summary>
    /// Pages are evicted when what they show changes, so this only bounds what a change made outside
    /// the running site (an `import` from the command line into its database) can leave behind.
    /// </summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromMinutes(10);

    /// <summary>After the stored data: the pages to evict are found from the related lists just written.</summary>
    public ChangeStage Stage => ChangeStage.CachedPages;

    /// <summary>Past this many stories in one change, every page is evicted rather than working out which.</summary>
    private const int PreciseEvictionLimit = 50;

    private readonly SemaphoreSlim _scheduleGate = new(1, 1);
    private DateTime? _nextScheduled;
    private DateTime _scheduleKnownUntil = DateTime.MinValue;

    public async Task StoriesChangedAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        Forget();
        // The menu is reloaded whichever way the pages go: it is kept in memory, not in the cache.
        var menuChanged = await menu.RefreshAsync(cancellationToken);
        // The banner is on every page too, and kept in memory the same way.
        var bannerChanged = await breaking.RefreshAsync(cancellationToken);
        var tags = storyIds.Count > PreciseEvictionLimit || menuChanged || bannerChanged
            ? [CacheTags.AllReaderPages]
            : await TagsToEvictAsync(storyIds, cancellationToken);
        await freshness.EvictAsync(store, tags, cancellationToken, storiesChanged: true);
    }

    /// <summary>A story may have been scheduled or published: the next scheduled time is read again.</summary>
    public void Forget() => _scheduleKnownUntil = DateTime.MinValue;

    /// <summary>A reaction changes the counts on the story's own page and nowhere else.</summary>
    public Task StoryPageChangedAsync(int storyId, CancellationToken cancellationToken) =>
        freshness.EvictAsync(store, [CacheTags.StoryPage(storyId)], cancellationToken);

    /// <summary>
    /// How long a page rendered now may be served from the cache: <see cref="MaximumLifetime"/>, or less
    /// when a scheduled story goes live sooner (it changes lists and neighbours the moment it does).
    /// </summary>
    public async Task<TimeSpan> LifetimeFromNowAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = await NextScheduledAsync(now, cancellationToken);
        var lifetime = next is { } at ? at - now : MaximumLifetime;
        // A page must not show the breaking banner past its end either.
        if (await breaking.GetAsync(cancellationToken) is { } banner && banner.Until - now < lifetime)
        {
            lifetime = banner.Until - now;
        }
        return lifetime < MaximumLifetime ? lifetime : MaximumLifetime;
    }

    /// <summary>
    /// <see cref="LifetimeFromNowAsync"/>, or null when the database cannot say: the page is then
    /// rendered (or its error page shown) but not kept.
    /// </summary>
    public async Task<TimeSpan?> TryGetLifetimeFromNowAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await LifetimeFromNowAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogWarning(ex, "Could not read the next scheduled story; the page will not be cached.");
            return null;
        }
    }

    private async Task<DateTime?> NextScheduledAsync(DateTime now, CancellationToken cancellationToken)
    {
        if (now < _scheduleKnownUntil)
        {
            return _nextScheduled;
        }
        await _scheduleGate.WaitAsync(cancellationToken);
        try
        {
            if (now >= _scheduleKnownUntil)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                _nextScheduled = await db.Stories.AsNoTracking()
                    .Where(a => a.PublishedAt > now)
                    .MinAsync(a => a.PublishedAt, cancellationToken);
                // Valid until that story goes live, or for a while if none is waiting; a change resets it.
                _scheduleKnownUntil = _nextScheduled ?? now + MaximumLifetime;
            }
            return _nextScheduled;
        }
        finally
        {
            _scheduleGate.Release();
        }
    }

    private async Task<IReadOnlyCollection<string>> TagsToEvictAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal) { CacheTags.Home, CacheTags.Search, CacheTags.Feeds };
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = storyIds.ToList();
        foreach (var id in ids)
        {
            tags.Add(CacheTags.Story(id));
        }

        var categorySlugs = await db.Set<StoryCategory>().AsNoTracking()
            .Where(l => ids.Contains(l.StoryId)).Select(l => l.Category!.Slug).ToListAsync(cancellationToken);
        tags.UnionWith(categorySlugs.Select(CacheTags.Category));
        var tagSlugs = await db.Set<StoryTag>().AsNoTracking()
            .Where(l => ids.Contains(l.StoryId)).Select(l => l.Tag!.Slug).ToListAsync(cancellationToken);
        tags.UnionWith(tagSlugs.Select(CacheTags.Tag));
        var authorSlugs = await db.Set<StoryAuthor>().AsNoTracking()
            .Where(l => ids.Contains(l.StoryId)).Select(l => l.Author!.Slug).ToListAsync(cancellationToken);
        tags.UnionWith(authorSlugs.Select(CacheTags.Author));

        var listedBy = await db.RelatedStories.AsNoTracking()
            .Where(r => ids.Contains(r.RelatedStoryId)).Select(r => r.StoryId).Distinct().ToListAsync(cancellationToken);
        tags.UnionWith(listedBy.Select(CacheTags.StoryPage));

        var live = await db.Stories.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.PublishedAt != null && a.PublishedAt <= now)
            .Select(a => new { a.Id, PublishedAt = a.PublishedAt!.Value })
            .ToListAsync(cancellationToken);
        foreach (var story in live)
        {
            var neighbours = await related.GetNeighboursAsync(story.Id, story.PublishedAt, cancellationToken);
            if (neighbours.Previous is { } previous)
            {
                tags.Add(CacheTags.StoryPage(previous.Id));
            }
            if (neighbours.Next is { } next)
            {
                tags.Add(CacheTags.StoryPage(next.Id));
            }
        }

        logger.LogDebug("Evicting {Tags} after changes to {Ids}", tags, ids);
        return tags;
    }
}
