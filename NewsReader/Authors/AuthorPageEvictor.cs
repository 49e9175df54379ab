using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NewsReader.Caching;
using NewsReader.Data;

namespace NewsReader.Authors;

/// <summary>
/// Evicts the cached pages that show an author: their page and feed (under the old and the new
/// slug), every page that shows one of their stories (their byline is on it), and the feeds.
/// Story changes need none of this: the reader-page evictor tags a changed story's authors.
/// </summary>
public sealed class AuthorPageEvictor(IDbContextFactory<NewsDbContext> dbFactory, IOutputCacheStore store, CacheFreshness freshness)
{
    /// <summary>Past this many stories, every reader page is evicted rather than one tag per story.</summary>
    private const int PreciseEvictionLimit = 200;

    public async Task AuthorChangedAsync(int authorId, IEnumerable<string> slugs, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var storyIds = await db.Set<StoryAuthor>().AsNoTracking()
            .Where(l => l.AuthorId == authorId).Select(l => l.StoryId).ToListAsync(cancellationToken);
        var tags = new HashSet<string>(StringComparer.Ordinal) { CacheTags.Feeds };
        tags.UnionWith(slugs.Select(CacheTags.Author));
        if (storyIds.Count > PreciseEvictionLimit)
        {
            tags.Add(CacheTags.AllReaderPages);
        }
        else
        {
            tags.UnionWith(storyIds.Select(CacheTags.Story));
        }
        await freshness.EvictAsync(store, tags, cancellationToken);
    }
}
