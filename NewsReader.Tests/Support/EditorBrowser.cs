using Microsoft.Playwright;
using NewsReader.Accounts;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Support;

/// <summary>Signing editors in through the real sign-in page, and waiting for the admin circuit.</summary>
public static class EditorBrowser
{
    public static async Task EnsureAccountAsync(this BrowserSite browser, string email, string role = Roles.Editor, string? displayName = null)
    {
        var result = await browser.Site.GetService<AccountManager>().CreateAsync(email, SignIn.Password, role, displayName, CancellationToken.None);
        Assert.True(result.Succeeded || result.Errors.Any(e => e.Contains("already", StringComparison.OrdinalIgnoreCase)),
            string.Join(" ", result.Errors));
    }

    /// <summary>A new browser context signed in as <paramref name="email"/>, on <paramref name="path"/> with its circuit attached.</summary>
    public static async Task<IPage> SignedInPageAsync(
        this BrowserSite browser, string email, string path = "/admin/articles", string? timezoneId = null, int width = 1280, int height = 900)
    {
        var page = await browser.NewPageAsync(timezoneId: timezoneId, width: width, height: height);
        await page.SignInAsync(email, SignIn.Password, returnUrl: path);
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + path);
        await Expect(page.Locator("[data-editor-ready='true'], [data-admin-ready='true']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return page;
    }

    /// <summary>
    /// Admin pages are prerendered before their circuit attaches; until then typing and clicks go
    /// nowhere. The story editor sets data-editor-ready="true" once its circuit and its script are up
    /// (the lists set data-admin-ready, so a list still on screen is not taken for the editor).
    /// </summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        Expect(page.Locator("[data-editor-ready='true']")).ToBeVisibleAsync(new() { Timeout = 15_000 });

    public static async Task GotoEditorAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
    }
}
