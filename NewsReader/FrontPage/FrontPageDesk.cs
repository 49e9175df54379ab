using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Stories;

namespace NewsReader.FrontPage;

/// <summary>Where a story stands on the front page, as the editor's panel shows it.</summary>
public sealed record FrontPagePlace(bool Featured, DateTime? BreakingUntil);

/// <summary>The outcome of featuring or breaking a story: the new place, or why nothing changed.</summary>
public sealed record FrontPageResult(FrontPagePlace? Place, string Message)
{
    public bool Succeeded => Place is not null;
}

/// <summary>
/// Editors' front-page actions: feature a story as a lead of the home page, or show its "Breaking"
/// banner on every reader page. Each takes effect at once (cached pages are evicted through
/// <see cref="StoryChanges"/>), independently of saving the story's text.
/// </summary>
public sealed class FrontPageDesk(
    IDbContextFactory<NewsDbContext> dbFactory,
    EditorAccess access,
    StoryChanges changes,
    TimeProvider clock)
{
    /// <summary>At most this many leads: featuring one more retires the one featured longest ago.</summary>
    public const int MaxLeads = 3;

    /// <summary>A banner left alone disappears after this long.</summary>
    public static readonly TimeSpan BreakingFor = TimeSpan.FromHours(24);

    public async Task<FrontPagePlace?> GetAsync(int storyId, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Stories.AsNoTracking().Where(s => s.Id == storyId)
            .Select(s => new FrontPagePlace(s.FeaturedAt != null, s.BreakingUntil > now ? s.BreakingUntil : null))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<FrontPageResult> FeatureAsync(int storyId, bool featured, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var story = await db.Stories.SingleOrDefaultAsync(s => s.Id == storyId, cancellationToken);
        if (story is null)
        {
            return new(null, "The story no longer exists.");
        }
        if (featured && story.PublishedAt is null)
        {
            return new(null, "Publish or schedule the story before featuring it.");
        }

        var changed = new List<int> { story.Id };
        var message = featured ? "Featured on the front page." : "No longer featured.";
        story.FeaturedAt = featured ? story.FeaturedAt ?? now : null;
        if (featured)
        {
            var retired = await db.Stories
                .Where(s => s.FeaturedAt != null && s.Id != story.Id)
                .OrderByDescending(s => s.FeaturedAt).ThenByDescending(s => s.Id)
                .Skip(MaxLeads - 1)
                .ToListAsync(cancellationToken);
            foreach (var old in retired)
            {
                old.FeaturedAt = null;
                changed.Add(old.Id);
            }
            if (retired.Count > 0)
            {
                message += $" \"{retired[0].Title}\" made room for it (the front page leads with at most {MaxLeads}).";
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await changes.NotifyAsync(changed, cancellationToken);
        return new(new FrontPagePlace(story.FeaturedAt is not null, LiveBreaking(story, now)), message);
    }

    public async Task<FrontPageResult> BreakAsync(int storyId, bool breaking, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var story = await db.Stories.SingleOrDefaultAsync(s => s.Id == storyId, cancellationToken);
        if (story is null)
        {
            return new(null, "The story no longer exists.");
        }
        if (breaking && !(story.PublishedAt <= now))
        {
            return new(null, "Only a published story can be breaking news: readers would follow the banner to a missing page.");
        }
        story.BreakingUntil = breaking ? now + BreakingFor : null;
        await db.SaveChangesAsync(cancellationToken);
        await changes.NotifyAsync([story.Id], cancellationToken);
        return new(new FrontPagePlace(story.FeaturedAt is not null, LiveBreaking(story, now)),
            breaking ? "Breaking banner shown on every page for the next 24 hours." : "Breaking banner cleared.");
    }

    private static DateTime? LiveBreaking(Story story, DateTime now) => story.BreakingUntil > now ? story.BreakingUntil : null;
}
