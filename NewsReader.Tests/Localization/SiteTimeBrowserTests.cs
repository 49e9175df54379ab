using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsReader.Data;
using NewsReader.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Localization;

[Trait("Category", "Browser")]
public sealed class SiteTimeBrowserTests : IAsyncLifetime
{
    private readonly BrowserSite _browser = new();

    public Task InitializeAsync()
    {
        // A UTC+2 site (no summer time), edited from a browser in New York (UTC-5 in December).
        _browser.Site.Settings["NewsReader:TimeZone"] = "Africa/Cairo";
        return _browser.InitializeAsync();
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task AnEditorInAnotherZoneSchedulesInTheSitesTime()
    {
        await _browser.EnsureAccountAsync("desk@example.org");
        var editor = await _browser.SignedInPageAsync("desk@example.org", "/admin/articles/new", timezoneId: "America/New_York");
        var year = DateTime.UtcNow.Year + 1;

        await editor.GetByLabel("Title").FillAsync("Night ferry timetable");
        await editor.GetByLabel("Body (Markdown)").FillAsync("The night ferry runs again from December.");
        await Expect(editor.Locator(".schedule-row")).ToContainTextAsync("The site's time (Africa/Cairo)");
        await editor.GetByLabel("Publish at").FillAsync($"{year}-12-01T09:00");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();

        await Expect(editor.Locator(".story-status")).ToHaveTextAsync("Scheduled", new() { Timeout = 15_000 });
        await Expect(editor.Locator(".publication-state")).ToHaveTextAsync($"Scheduled: readers will see it from 1 Dec {year}, 09:00.");
        await using var db = await _browser.Site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        var publishedAt = await db.Stories.Where(s => s.Slug == "night-ferry-timetable").Select(s => s.PublishedAt).SingleAsync();
        Assert.Equal(new DateTime(year, 12, 1, 7, 0, 0, DateTimeKind.Utc), publishedAt);
    }
}
