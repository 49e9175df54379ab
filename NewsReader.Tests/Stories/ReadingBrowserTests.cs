using Microsoft.Playwright;
using NewsReader.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Stories;

[Trait("Category", "Browser")]
public sealed class ReadingBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private static readonly DateTime Published = new(2026, 10, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AReaderFollowsACardFromHomeToTheStoryAndSeesTheReadTime()
    {
        var body = string.Join(" ", Enumerable.Repeat("word", 864)); // + 5 title words = 869 words
        await browser.Site.AddStoryAsync("Tram line four opens today", body, Published, ["City", "Transport"],
            slug: "tram-line-4-opens", summary: "The new line opens.");
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tram line four opens today" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/articles/tram-line-4-opens");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tram line four opens today");
        var readTime = page.Locator("time.read-time");
        await Expect(readTime).ToHaveTextAsync("Read time: 4 minutes, 21 seconds");
        await Expect(readTime).ToHaveAttributeAsync("datetime", "PT4M21S");
        await Expect(page.Locator(".category-line")).ToHaveTextAsync("In City, Transport");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "story.png"), FullPage = true });
    }

    [Fact]
    public async Task HostileMarkdownDoesNothingInARealBrowser()
    {
        var body = """
            <script>window.__pwned = 1</script>

            [link](javascript:window.__pwned=2) [encoded](&#106;avascript:window.__pwned=3)

            <img src=x onerror="window.__pwned=4"> ![x](x" onerror="window.__pwned=5)

            <svg onload="window.__pwned=6"></svg> <iframe src="javascript:parent.__pwned=7"></iframe>

            {onclick="window.__pwned=8"} <a href="javascript:window.__pwned=9">raw</a>
            """;
        await browser.Site.AddStoryAsync("Hostile story", body, Published, slug: "hostile-story");
        var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };

        await page.GotoAsync("/articles/hostile-story");
        foreach (var link in await page.Locator(".story-body a").AllAsync())
        {
            await link.ClickAsync();
        }
        await page.GotoAsync("/articles/hostile-story");

        Assert.Equal(0, dialogs);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        await Expect(page.Locator(".story-body")).ToContainTextAsync("<script>window.__pwned = 1</script>");
    }

    [Fact]
    public async Task StoryPagesOpenNoWebSocketAndWorkOnAPhone()
    {
        await browser.Site.AddStoryAsync("Phone sized story", "A body for a small screen.", Published, ["Culture"],
            slug: "phone-story");
        var page = await browser.NewPageAsync(width: 375, height: 740);
        var webSockets = 0;
        page.WebSocket += (_, _) => webSockets++;

        await page.GotoAsync("/articles/phone-story");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(0, webSockets);
        var overflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflows, "the story page scrolls sideways on a 375-px phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "story-phone.png"), FullPage = true });
    }
}
