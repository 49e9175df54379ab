using System.Net;
using Microsoft.Playwright;
using NewsReader.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Search;

[Trait("Category", "Browser")]
public sealed class SearchBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private static readonly DateTime Published = new(2026, 10, 2, 8, 0, 0, DateTimeKind.Utc);

    private async Task AddStoriesAsync()
    {
        await browser.Site.AddStoryAsync("Viaduct repairs begin on Monday",
            "Engineers will close the old **viaduct** for six weeks while its bearings are replaced.", Published,
            ["City", "Transport"], ["bridges"], slug: "viaduct-repairs", summary: "The old viaduct closes for six weeks.");
        await browser.Site.AddStoryAsync("Market hall reopens", "Forty-six stalls and a new roof.", Published.AddDays(1),
            ["Business"], slug: "market-hall");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AReaderSearchesFromTheAppBarAndOpensAResult(bool javaScript)
    {
        await AddStoriesAsync();
        var page = await browser.NewPageAsync(javaScriptEnabled: javaScript);

        await page.GotoAsync("/");
        var searchBox = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Searchbox, new() { Name = "Search" });
        await searchBox.FillAsync("viaduct bearings");
        await searchBox.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/search?q=viaduct+bearings");
        await Expect(page.Locator(".search-summary")).ToHaveTextAsync("1 story matches “viaduct bearings”.");
        await Expect(page.Locator(".search-excerpt mark")).ToHaveTextAsync(["viaduct", "bearings"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Viaduct repairs begin on Monday" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/articles/viaduct-repairs");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Viaduct repairs begin on Monday");
    }

    [Fact]
    public async Task TheSearchButtonSubmitsTooAndTheResultsPageOffersToSearchAgain()
    {
        await AddStoriesAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/categories/city");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Searchbox).FillAsync("market");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator(".search-result h2")).ToHaveTextAsync(["Market hall reopens"]);
        var again = page.GetByLabel("Search for");
        await Expect(again).ToHaveValueAsync("market");
        await again.FillAsync("viaduct");
        await again.PressAsync("Enter");

        await Expect(page.Locator(".search-result h2")).ToHaveTextAsync(["Viaduct repairs begin on Monday"]);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "search.png"), FullPage = true });
    }

    [Theory]
    [InlineData("a")]
    [InlineData("東")]
    [InlineData("🚋")]
    public async Task ATenThousandCharacterSearchGetsAPageFromTheRealServer(string character)
    {
        using var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var query = string.Concat(Enumerable.Repeat(character, 10_000 / character.Length));

        var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/search?q=viaduct")]
    [InlineData("/search")]
    [InlineData("/categories/city")]
    [InlineData("/tags/bridges")]
    public async Task FindingPagesFitAPhoneWithoutSidewaysScrolling(string url)
    {
        await AddStoriesAsync();
        var page = await browser.NewPageAsync(width: 375, height: 740);

        await page.GotoAsync(url);

        var overflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflows, $"{url} scrolls sideways on a 375-px phone");
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Searchbox)).ToBeInViewportAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeInViewportAsync();
    }
}
