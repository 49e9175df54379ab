using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsReader.Accounts;
using NewsReader.Dashboard;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Dashboard;

/// <summary>The dashboard's figures from a real database, counted in the site's days (UTC+2 here).</summary>
public abstract class DeskFiguresTests : IAsyncLifetime
{
    // Saturday 14 November 2026, 12:00 UTC (14:00 on the site).
    private static readonly DateTimeOffset Now = new(2026, 11, 14, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly EditingSite _site;

    private readonly DatabaseProvider _provider;

    protected DeskFiguresTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new EditingSite { Provider = _provider, Clock = _clock };
        _site.Settings["NewsReader:TimeZone"] = "Africa/Cairo";
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private async Task ReactAsync(int storyId, ReactionKind kind, int count, DateTime at)
    {
        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            db.Reactions.Add(new Reaction { StoryId = storyId, ReaderId = Guid.NewGuid().ToString("N"), Kind = kind, ReactedAt = at });
        }
        await db.SaveChangesAsync();
    }

    private async Task<DeskView> FiguresAsync(string role = Roles.Editor)
    {
        await using var scope = await _site.SignedInScopeAsync($"{role.ToLowerInvariant()}@example.org", role);
        return await scope.ServiceProvider.GetRequiredService<DeskFigures>().GetAsync(default);
    }

    [ProviderFact]
    public async Task StoriesAreCountedPerSiteWeekOverNinetyDays()
    {
        // 22:30 UTC on Sunday 8 November is 00:30 on Monday 9 November on the site: the current week.
        await _site.AddStoryAsync("Late Sunday in UTC", publishedAt: Utc(11, 8, 22, 30), slug: "late");
        await _site.AddStoryAsync("Monday", publishedAt: Utc(11, 9, 9), slug: "monday");
        await _site.AddStoryAsync("Previous week", publishedAt: Utc(11, 3, 9), slug: "previous");
        await _site.AddStoryAsync("Too old", publishedAt: Utc(8, 1, 9), slug: "old");
        await _site.AddStoryAsync("Scheduled", publishedAt: Utc(11, 20, 7), slug: "scheduled");

        var figures = await FiguresAsync();

        Assert.Equal(new PeriodCount(new DateOnly(2026, 11, 9), "9 Nov", 2), figures.StoriesPerWeek[^1]);
        Assert.Equal(new PeriodCount(new DateOnly(2026, 11, 2), "2 Nov", 1), figures.StoriesPerWeek[^2]);
        Assert.Equal(3, figures.StoriesPerWeek.Sum(w => w.Count));
        Assert.Equal(DeskFigures.Days, figures.ReactionsPerDay.Count);
        Assert.Equal(new DateOnly(2026, 11, 14), figures.ReactionsPerDay[^1].Start);
        Assert.Equal(["Scheduled"], figures.Scheduled.Select(s => s.Title));
        Assert.Equal(Utc(11, 20, 7), figures.Scheduled[0].PublishAt);
    }

    [ProviderFact]
    public async Task ReactionsArePerSiteDayAndTheMostReactedShowTheirMix()
    {
        var ferry = await _site.AddStoryAsync("Ferry", publishedAt: Utc(11, 1, 9), slug: "ferry");
        var tram = await _site.AddStoryAsync("Tram", publishedAt: Utc(11, 1, 9), slug: "tram");
        var old = await _site.AddStoryAsync("Old", publishedAt: Utc(10, 1, 9), slug: "old");
        await ReactAsync(ferry, ReactionKind.Happy, 3, Utc(11, 13, 23)); // 14 November on the site
        await ReactAsync(ferry, ReactionKind.Angry, 1, Utc(11, 13, 10));
        await ReactAsync(tram, ReactionKind.Sad, 2, Utc(11, 12, 10));
        await ReactAsync(old, ReactionKind.Happy, 9, Utc(11, 1, 10)); // before the last 7 days

        var figures = await FiguresAsync();

        Assert.Equal(3, figures.ReactionsPerDay.Single(d => d.Start == new DateOnly(2026, 11, 14)).Count);
        Assert.Equal(1, figures.ReactionsPerDay.Single(d => d.Start == new DateOnly(2026, 11, 13)).Count);
        Assert.Equal(15, figures.ReactionsPerDay.Sum(d => d.Count));
        Assert.Equal(["Ferry", "Tram"], figures.MostReacted.Select(s => s.Title));
        Assert.Equal(4, figures.MostReacted[0].Total);
        Assert.Equal(3, figures.MostReacted[0].Mix[ReactionKind.Happy]);
        Assert.Equal(1, figures.MostReacted[0].Mix[ReactionKind.Angry]);
    }

    [ProviderFact]
    public async Task OnlyEditorsSeeTheFigures()
    {
        await using var anonymous = _site.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => anonymous.ServiceProvider.GetRequiredService<DeskFigures>().GetAsync(default));
    }
}

public sealed class DeskFiguresTestsOnSqlite() : DeskFiguresTests(DatabaseProvider.Sqlite);

public sealed class DeskFiguresTestsOnPostgres() : DeskFiguresTests(DatabaseProvider.Postgres);
