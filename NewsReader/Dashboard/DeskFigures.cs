using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Localization;

namespace NewsReader.Dashboard;

/// <summary>A count for one bar or point of a chart, labelled in the site's time and culture.</summary>
public sealed record PeriodCount(DateOnly Start, string Label, int Count);

/// <summary>One of the most-reacted stories: its total and how it splits between the six reactions.</summary>
public sealed record ReactedStory(int Id, string Title, string Slug, int Total, IReadOnlyDictionary<ReactionKind, int> Mix);

public sealed record ScheduledStory(int Id, string Title, DateTime PublishAt);

/// <summary>What the admin dashboard shows.</summary>
public sealed record DeskView(
    IReadOnlyList<PeriodCount> StoriesPerWeek,
    IReadOnlyList<PeriodCount> ReactionsPerDay,
    IReadOnlyList<ReactedStory> MostReacted,
    IReadOnlyList<ScheduledStory> Scheduled);

/// <summary>
/// The figures of the admin dashboard. Each comes from an index, never from reading stories or
/// reactions one by one: counts grouped by the UTC hour they fall in (the (PublishedAt, Id) and
/// (ReactedAt, StoryId, Kind) indexes hold everything a count needs), then added up into the site's
/// days and weeks here, so that a day is the site's day whatever its time zone.
/// </summary>
public sealed class DeskFigures(IDbContextFactory<NewsDbContext> dbFactory, EditorAccess access, SiteTime siteTime, TimeProvider clock)
{
    public const int Days = 90;
    public const int MostReactedCount = 10;
    public const int ScheduledCount = 20;

    private sealed record HourCount(DateTime Date, int Hour, int Count);

    public async Task<DeskView> GetAsync(CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(siteTime.ToSite(now));
        var firstDay = today.AddDays(-(Days - 1));
        var from = siteTime.ToUtc(firstDay.ToDateTime(TimeOnly.MinValue));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var published = await db.Stories.AsNoTracking()
            .Where(s => s.PublishedAt >= from && s.PublishedAt <= now)
            .GroupBy(s => new { s.PublishedAt!.Value.Date, s.PublishedAt.Value.Hour })
            .Select(g => new HourCount(g.Key.Date, g.Key.Hour, g.Count()))
            .ToListAsync(cancellationToken);
        var reacted = await db.Reactions.AsNoTracking()
            .Where(r => r.ReactedAt >= from && r.ReactedAt <= now)
            .GroupBy(r => new { r.ReactedAt.Date, r.ReactedAt.Hour })
            .Select(g => new HourCount(g.Key.Date, g.Key.Hour, g.Count()))
            .ToListAsync(cancellationToken);

        var perDay = ByDay(reacted, firstDay, today);
        var storiesPerDay = ByDay(published, firstDay, today);
        return new DeskView(
            ByWeek(storiesPerDay),
            perDay.Select(d => new PeriodCount(d.Day, Label(d.Day), d.Count)).ToList(),
            await MostReactedAsync(db, now.AddDays(-7), cancellationToken),
            await db.Stories.AsNoTracking()
                .Where(s => s.PublishedAt > now)
                .OrderBy(s => s.PublishedAt).ThenBy(s => s.Id)
                .Take(ScheduledCount)
                .Select(s => new ScheduledStory(s.Id, s.Title, s.PublishedAt!.Value))
                .ToListAsync(cancellationToken));
    }

    private static async Task<IReadOnlyList<ReactedStory>> MostReactedAsync(NewsDbContext db, DateTime since, CancellationToken cancellationToken)
    {
        var counts = await db.Reactions.AsNoTracking()
            .Where(r => r.ReactedAt >= since)
            .GroupBy(r => new { r.StoryId, r.Kind })
            .Select(g => new { g.Key.StoryId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var top = counts.GroupBy(c => c.StoryId)
            .Select(g => (StoryId: g.Key, Total: g.Sum(c => c.Count), Mix: g.ToDictionary(c => c.Kind, c => c.Count)))
            .OrderByDescending(s => s.Total).ThenBy(s => s.StoryId)
            .Take(MostReactedCount)
            .ToList();
        var ids = top.Select(s => s.StoryId).ToList();
        var titles = await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Title, s.Slug })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        return top.Where(s => titles.ContainsKey(s.StoryId))
            .Select(s => new ReactedStory(s.StoryId, titles[s.StoryId].Title, titles[s.StoryId].Slug, s.Total, s.Mix))
            .ToList();
    }

    /// <summary>Adds UTC hours up into the site's days, every day of the window present (zero when nothing happened).</summary>
    private List<(DateOnly Day, int Count)> ByDay(IEnumerable<HourCount> hours, DateOnly firstDay, DateOnly today)
    {
        var counts = new Dictionary<DateOnly, int>();
        foreach (var hour in hours)
        {
            var utc = DateTime.SpecifyKind(hour.Date.Date.AddHours(hour.Hour), DateTimeKind.Utc);
            var day = DateOnly.FromDateTime(siteTime.ToSite(utc));
            counts[day] = counts.GetValueOrDefault(day) + hour.Count;
        }
        var days = new List<(DateOnly, int)>();
        for (var day = firstDay; day <= today; day = day.AddDays(1))
        {
            days.Add((day, counts.GetValueOrDefault(day)));
        }
        return days;
    }

    /// <summary>Weeks starting on Monday; the first may be partial (the window starts mid-week).</summary>
    private List<PeriodCount> ByWeek(List<(DateOnly Day, int Count)> days) =>
        days.GroupBy(d => d.Day.AddDays(-(((int)d.Day.DayOfWeek + 6) % 7)))
            .Select(week => new PeriodCount(week.Key, Label(week.Key), week.Sum(d => d.Count)))
            .ToList();

    private string Label(DateOnly day) => day.ToString("d MMM", siteTime.Culture);
}
