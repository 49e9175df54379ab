using Microsoft.Playwright;
using NewsReader.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Reactions;

[Trait("Category", "Browser")]
public sealed class ReactionBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private static readonly DateTime Published = new(2026, 10, 2, 8, 0, 0, DateTimeKind.Utc);

    private static ILocator Button(IPage page, string word) =>
        page.Locator("#reactions").GetByRole(AriaRole.Button, new() { Name = word });

    private static async Task ExpectShownAsync(IPage page, string word, string count, string share, bool pressed)
    {
        var button = Button(page, word);
        await Expect(button).ToHaveAttributeAsync("aria-pressed", pressed ? "true" : "false");
        await Expect(button.Locator(".reaction-count")).ToHaveTextAsync(count);
        await Expect(button.Locator(".reaction-share")).ToHaveTextAsync(share);
    }

    [Fact]
    public async Task AReaderReactsMovesAndWithdrawsWithoutAFullReloadAndWithoutAWebSocket()
    {
        await browser.Site.AddStoryAsync("Ferry returns to the cove", "The ferry is back at the cove after a winter in the shipyard.",
            Published, ["Coast"], slug: "ferry-returns");
        await browser.Site.AddStoryAsync("Shipyard finishes the ferry refit", "The shipyard finished the refit of the cove ferry.",
            Published.AddDays(-1), ["Coast"]);
        var page = await browser.NewPageAsync();
        var webSockets = 0;
        page.WebSocket += (_, _) => webSockets++;
        await page.GotoAsync("/articles/ferry-returns");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What do you think?" })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await Button(page, "Happy").ClickAsync();

        await ExpectShownAsync(page, "Happy", "1", "100%", pressed: true);
        await Expect(page.Locator(".reaction-total")).ToHaveTextAsync("1 response");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was loaded again");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "reactions.png"), FullPage = true });

        await page.ReloadAsync();
        await ExpectShownAsync(page, "Happy", "1", "100%", pressed: true);

        await page.EvaluateAsync("() => window.__sameDocument = true");
        await Button(page, "Sad").ClickAsync();
        await ExpectShownAsync(page, "Sad", "1", "100%", pressed: true);
        await ExpectShownAsync(page, "Happy", "0", "0%", pressed: false);

        await Button(page, "Sad").ClickAsync();
        await ExpectShownAsync(page, "Sad", "0", "0%", pressed: false);
        await Expect(page.Locator(".reaction-total")).ToHaveTextAsync("No responses yet");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was loaded again");

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, webSockets);
    }

    [Fact]
    public async Task WithJavaScriptOffTheFormStillReactsMovesAndWithdraws()
    {
        await browser.Site.AddStoryAsync("Lighthouse keeper retires", "Forty years of light.", Published, ["Coast"], slug: "lighthouse-keeper");
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/articles/lighthouse-keeper");

        await Button(page, "Happy").ClickAsync();
        await ExpectShownAsync(page, "Happy", "1", "100%", pressed: true);
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/articles/lighthouse-keeper#reactions");

        await page.ReloadAsync();
        await ExpectShownAsync(page, "Happy", "1", "100%", pressed: true);

        await Button(page, "Sad").ClickAsync();
        await ExpectShownAsync(page, "Sad", "1", "100%", pressed: true);
        await ExpectShownAsync(page, "Happy", "0", "0%", pressed: false);

        await Button(page, "Sad").ClickAsync();
        await ExpectShownAsync(page, "Sad", "0", "0%", pressed: false);
        await Expect(page.Locator(".reaction-total")).ToHaveTextAsync("No responses yet");
    }

    [Fact]
    public async Task AReaderFollowsARelatedStoryAndTheNextStoryLink()
    {
        await browser.Site.AddStoryAsync("Harbour wall repaired", "The harbour seawall and the pier were repaired before the storm.",
            Published.AddDays(10), slug: "harbour-wall");
        await browser.Site.AddStoryAsync("Storm hits the harbour", "The storm hit the harbour seawall and the pier.",
            Published.AddDays(11), slug: "storm-harbour");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/articles/harbour-wall");

        await page.Locator(".related-stories").GetByRole(AriaRole.Link, new() { Name = "Storm hits the harbour" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/articles/storm-harbour");

        await page.GetByRole(AriaRole.Link, new() { Name = "Previous story Harbour wall repaired" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/articles/harbour-wall");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next story Storm hits the harbour" })).ToBeVisibleAsync();
    }
}
