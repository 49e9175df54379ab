using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Stories;

namespace NewsReader.FrontPage;

/// <summary>The story the "Breaking" banner links to, and when the banner ends.</summary>
public sealed record BreakingStory(string Title, string Slug, DateTime Until);

/// <summary>
/// The breaking story every reader page shows in its banner. Kept in memory like the category menu:
/// reloaded when stories change (<see cref="Caching.ReaderPageEvictor"/> asks), when the banner's 24
/// hours are up, or after a while, which covers changes made by another process.
/// </summary>
public sealed class BreakingNews(IDbContextFactory<NewsDbContext> dbFactory, TimeProvider clock) : IInMemoryStoryState
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(10);

    private volatile Snapshot? _current;

    private sealed record Snapshot(BreakingStory? Story, DateTime ValidUntil);

    public async Task<BreakingStory?> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_current is { } current && now < current.ValidUntil)
        {
            return current.Story;
        }
        return (await LoadAsync(now, cancellationToken)).Story;
    }

    /// <summary>Reloads the banner; true when it now shows something else than before.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var before = _current;
        var after = await LoadAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        return before?.Story != after.Story;
    }

    /// <summary>Stories changed on another instance: the banner is loaded again on the next request.</summary>
    public void Forget() => _current = null;

    private async Task<Snapshot> LoadAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var story = await db.Stories.AsNoTracking()
            .Where(s => s.BreakingUntil > now && s.PublishedAt <= now)
            .OrderByDescending(s => s.BreakingUntil).ThenByDescending(s => s.Id)
            .Select(s => new BreakingStory(s.Title, s.Slug, s.BreakingUntil!.Value))
            .FirstOrDefaultAsync(cancellationToken);
        var validUntil = now + MaximumAge;
        var snapshot = new Snapshot(story, story is not null && story.Until < validUntil ? story.Until : validUntil);
        _current = snapshot;
        return snapshot;
    }
}
