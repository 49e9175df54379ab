using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NewsReader.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Components;

[Trait("Category", "Browser")]
public sealed class AccessibilityBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private static readonly DateTime Published = new(2026, 10, 2, 8, 0, 0, DateTimeKind.Utc);

    private async Task AddStoriesAsync()
    {
        const string body = """
            The first passenger **tram** pulled out of Quayside Terminus at 5:42 on Tuesday morning.

            ## What changed

            > "It's quicker than the bus," said one rider.

            - Twelve stops
            - Nine kilometres

            See the [route map](https://example.org/map) and `timetable.pdf`.

            ![The new tram on the bridge](/images/articles/tram-bridge.svg)
            """;
        await browser.Site.AddStoryAsync("Tram line 4 opens to passengers", body, Published, ["City", "Transport"],
            ["trams", "infrastructure"], slug: "tram-line-4-opens", summary: "The first new tram route in four decades.",
            author: "Ana Ferreira", leadImage: "/images/articles/tram-line-4.svg");
        await browser.Site.AddStoryAsync("Market hall reopens", "Forty-six stalls and a new tram stop.", Published.AddDays(1),
            ["Business", "City"], ["markets"], slug: "market-hall", summary: "A new roof and a food court.", author: "Jonah Whitlock",
            leadImage: "/images/articles/market-hall.svg");
        await browser.Site.AddStoryAsync("Otters return", "An otter was filmed near the tram depot.", Published.AddDays(2),
            ["Environment"], slug: "otters-return", summary: "The first sighting in thirty years.");
    }

    private async Task<IPage> OpenAsync(string url, ColorScheme scheme, int width = 1280)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            ColorScheme = scheme,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "/", "light" }, { "/articles/tram-line-4-opens", "light" }, { "/categories/city", "light" }, { "/search?q=tram", "light" },
        { "/", "dark" }, { "/articles/tram-line-4-opens", "dark" }, { "/categories/city", "dark" }, { "/search?q=tram", "dark" },
        // Other features' pages in the reader layout take the dark scheme too.
        { "/account/login", "dark" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PagesHaveNoSeriousOrCriticalAccessibilityViolations(string url, string scheme)
    {
        await AddStoriesAsync();
        var page = await OpenAsync(url, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);

        var result = await page.RunAxe();

        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{url} in {scheme}:\n" + string.Join("\n", serious));
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task AReadersOwnReactionStaysReadableInBothSchemes(string scheme)
    {
        await AddStoriesAsync();
        var page = await OpenAsync("/articles/otters-return", scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);

        var happy = page.GetByRole(AriaRole.Button, new() { Name = "Happy", Exact = false });
        await happy.ClickAsync();
        await Expect(happy).ToHaveAttributeAsync("aria-pressed", "true");
        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/tram-line-4-opens")]
    [InlineData("/categories/city")]
    [InlineData("/search?q=tram")]
    public async Task EveryPageHasOneHeadingOneAndTheLandmarksReadersNavigateBy(string url)
    {
        await AddStoriesAsync();
        var page = await OpenAsync(url, ColorScheme.Light);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Contentinfo)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Categories" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Search)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task TheSiteFollowsTheReadersLightOrDarkSetting()
    {
        await AddStoriesAsync();
        var light = await OpenAsync("/", ColorScheme.Light);
        var dark = await OpenAsync("/", ColorScheme.Dark);

        const string luminance = """
            () => {
                const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
                return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            }
            """;
        Assert.True(await light.EvaluateAsync<double>(luminance) > 0.9, "light scheme: a light page");
        Assert.True(await dark.EvaluateAsync<double>(luminance) < 0.15, "dark scheme: a dark page");
        await dark.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "home-dark.png") });
    }

    [Fact]
    public async Task TheFirstTabShowsAVisibleSkipLinkToTheContent()
    {
        var page = await OpenAsync("/", ColorScheme.Light);

        await page.Keyboard.PressAsync("Tab");

        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        Assert.NotEqual("none", await skip.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
    }
}
