using Microsoft.Playwright;
using NewsReader.Accounts;
using NewsReader.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Components;

/// <summary>The admin area on a 375-px phone, and the reader app bar at every width.</summary>
[Trait("Category", "Browser")]
public sealed class PhoneLayoutBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private static Task<bool> FitsTheScreenAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    [Theory]
    [InlineData("/admin/articles", "phone-admin-stories.png")]
    [InlineData("/admin/articles/new", "phone-admin-editor.png")]
    [InlineData("/admin/categories", "phone-admin-categories.png")]
    [InlineData("/admin/media", "phone-admin-media.png")]
    [InlineData("/admin/users", "phone-admin-users.png")]
    public async Task EveryAdminPageFitsA375PxPhoneAndItsMenuReachesEveryPage(string path, string screenshot)
    {
        await browser.EnsureAccountAsync("phone-admin@example.org", Roles.Admin);
        await browser.Site.AddStoryAsync("A story with a rather long title that has to wrap on a phone screen", slug: "long-title-phone");
        var page = await browser.SignedInPageAsync("phone-admin@example.org", width: 375, height: 812);
        await page.GotoAsync(path);
        // Every admin page marks its main element once its circuit has taken over (AdminLayout).
        await Expect(page.Locator("main[data-interactive='true']")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        Assert.True(await FitsTheScreenAsync(page), $"{path} scrolls sideways at 375 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, screenshot), FullPage = true });
        await Expect(page.Locator("nav.admin-nav")).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Admin menu" });
        foreach (var link in new[] { "Stories", "Categories", "Media", "Users", "View site" })
        {
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        }
        await menu.GetByRole(AriaRole.Link, new() { Name = "Media", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/admin/media");
    }

    [Fact]
    public async Task OnAWideScreenTheLinksStayInTheBarAndThereIsNoMenuButton()
    {
        await browser.EnsureAccountAsync("wide-admin@example.org", Roles.Admin);
        var page = await browser.SignedInPageAsync("wide-admin@example.org", "/admin/articles");

        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Media" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task TheReaderCategoryLinksNeverRunUnderTheSearchBox()
    {
        foreach (var name in new[] { "Transport and infrastructure", "Culture and entertainment", "Environment", "Neighbourhoods", "Education", "Health and wellbeing", "Business", "Sport" })
        {
            await browser.Site.AddStoryAsync($"Story about {name}", categories: [name], slug: NewsReader.Stories.Slug.From("bar " + name));
        }

        foreach (var width in new[] { 320, 375, 414, 540, 600, 641, 768, 900, 1024, 1280, 1600 })
        {
            var page = await browser.NewPageAsync(width: width, height: 800);
            await page.GotoAsync("/");
            // The visible part of the category links (the list scrolls inside its own box) against the search box.
            var overlap = await page.EvaluateAsync<double>("""
                () => {
                    const nav = document.querySelector('.category-nav').getBoundingClientRect();
                    const search = document.querySelector('.site-search').getBoundingClientRect();
                    const x = Math.min(nav.right, search.right) - Math.max(nav.left, search.left);
                    const y = Math.min(nav.bottom, search.bottom) - Math.max(nav.top, search.top);
                    return x > 0 && y > 0 ? x * y : 0;
                }
                """);
            Assert.True(overlap == 0, $"at {width} px the category links overlap the search box ({overlap} px²)");
            Assert.True(await FitsTheScreenAsync(page), $"the home page scrolls sideways at {width} px");
            await page.Context.CloseAsync();
        }
    }
}
