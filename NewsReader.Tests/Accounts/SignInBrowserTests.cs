using Microsoft.Playwright;
using NewsReader.Accounts;
using NewsReader.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Accounts;

[Trait("Category", "Browser")]
public sealed class SignInBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task AnEditorSignsInThroughTheFormReachesTheAdminAreaAndSignsOut()
    {
        var email = await browser.Site.CreateUserAsync(SignIn.NewEmail(Roles.Editor), Roles.Editor);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/account/login?ReturnUrl=%2Fadmin");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(SignIn.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard");
        await Expect(page.Locator(".admin-account-email")).ToHaveTextAsync(email);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await page.WaitForInteractiveAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "admin-signed-in.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/");
        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/account/login?ReturnUrl=%2Fadmin");
    }

    [Fact]
    public async Task AnEditorNavigatingInsideTheCircuitToTheUsersPageIsShownAccessDenied()
    {
        var page = await browser.NewSignedInPageAsync(Roles.Editor);
        await page.WaitForInteractiveAsync();

        await page.EvaluateAsync("() => Blazor.navigateTo('/admin/users')");

        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/account/access-denied");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Access denied");
    }

    [Fact]
    public async Task AWrongPasswordShowsTheMessageAndKeepsTheEmail()
    {
        var email = await browser.Site.CreateUserAsync(SignIn.NewEmail(Roles.Editor), Roles.Editor);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Not-the-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "Email or password is incorrect, or this account may not sign in now. After 5 failed attempts an account is locked for 5 minutes.");
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(email);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "sign-in-refused.png") });
    }

    [Fact]
    public async Task AnAdminAddsAnEditorPromotesAndDisablesIt()
    {
        var page = await browser.NewSignedInPageAsync(Roles.Admin, returnUrl: "/admin/users");
        var newEditor = SignIn.NewEmail(Roles.Editor);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Users");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Email").FillAsync(newEditor);
        await page.GetByLabel("Password").FillAsync(SignIn.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = newEditor });
        await Expect(row).ToContainTextAsync("Editor");
        await Expect(row).ToContainTextAsync("Active");
        await row.GetByRole(AriaRole.Button, new() { Name = "Make Admin" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Make Editor" })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Disabled");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "admin-users.png"), FullPage = true });

        var other = await browser.NewPageAsync();
        await other.GotoAsync("/account/login");
        await other.GetByLabel("Email", new() { Exact = true }).FillAsync(newEditor);
        await other.GetByLabel("Password", new() { Exact = true }).FillAsync(SignIn.Password);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // A disabled account gets the same words as any failed sign-in: they must not tell that it exists.
        await Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email or password is incorrect");
    }
}
