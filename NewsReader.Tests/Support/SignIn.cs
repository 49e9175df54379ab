using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Data;
using NewsReader.Accounts;

namespace NewsReader.Tests.Support;

/// <summary>
/// Accounts and signed-in clients for tests. Over HTTP it signs in the way a browser does: it reads
/// the sign-in form (with its antiforgery token) and posts it. In Chromium it fills the real form.
/// </summary>
public static class SignIn
{
    /// <summary>A password Identity accepts; every helper uses it unless told otherwise.</summary>
    public const string Password = "Correct-horse-9";

    /// <summary>Adds the account (or resets its password and role). A null role makes an account with no role at all.</summary>
    public static async Task<string> CreateUserAsync(this NewsSiteFactory site, string email, string? role = Roles.Editor, string password = Password)
    {
        if (role is not null)
        {
            var result = await site.GetService<AccountManager>().SaveAsync(email, password, role, CancellationToken.None);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", result.Errors)}");
            }
            return email;
        }
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
        var created = await users.CreateAsync(new NewsUser { UserName = email, Email = email, EmailConfirmed = true }, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }
        return email;
    }

    /// <summary>
    /// A DI scope that believes <paramref name="email"/> is signed in, as a circuit of theirs would:
    /// resolve scoped services (EditorAccess, UserAdministration, your own) from it to test the
    /// checks they make. The principal is issued now, so changes made afterwards (disabling, a new
    /// role) make it stale exactly as they would a cookie. Dispose the scope when done.
    /// </summary>
    public static async Task<AsyncServiceScope> CreateSignedInScopeAsync(this NewsSiteFactory site, string email)
    {
        var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<NewsUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No account {email}.");
        var principal = await services.GetRequiredService<SignInManager<NewsUser>>().CreateUserPrincipalAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient CreateCookieClient(this NewsSiteFactory site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Opens the sign-in page and posts its form, antiforgery token included; returns the answer to the post.</summary>
    public static async Task<HttpResponseMessage> PostSignInFormAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var fields = await FormFieldsAsync(client, url);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// A new account with the given role (null: none) and a cookie client signed in as it. The
    /// email defaults to a fresh one, so tests on one site do not collide.
    /// </summary>
    public static async Task<HttpClient> CreateSignedInClientAsync(this NewsSiteFactory site, string? role = Roles.Editor, string? email = null)
    {
        email ??= NewEmail(role);
        await site.CreateUserAsync(email, role);
        var client = site.CreateCookieClient();
        var response = await client.PostSignInFormAsync(email, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode}, not a redirect.");
        }
        return client;
    }

    /// <summary>Posts the sign-out form of /account/logout, with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient client)
    {
        var fields = await FormFieldsAsync(client, "/account/logout");
        return await client.PostAsync("/account/logout", new FormUrlEncodedContent(fields));
    }

    public static string NewEmail(string? role = null) =>
        $"{(role ?? "nobody").ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@example.org";

    /// <summary>Signs this page in through the real form and waits until the browser has left the sign-in page.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = Password, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>A new account with the role and a browser page signed in as it (on /admin unless returnUrl says otherwise).</summary>
    public static async Task<IPage> NewSignedInPageAsync(this BrowserSite browser, string role = Roles.Editor, string? email = null, string? returnUrl = null)
    {
        email ??= NewEmail(role);
        await browser.Site.CreateUserAsync(email, role);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email, Password, returnUrl);
        return page;
    }

    /// <summary>
    /// Waits until the admin page's circuit is attached: prerendered admin pages show their
    /// controls before clicks do anything. AdminLayout marks its main element once interactive.
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Assertions.Expect(page.Locator("main[data-interactive='true']")).ToBeAttachedAsync();

    private static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector("form[method='post']")
            ?? throw new InvalidOperationException($"{url} shows no form.");
        return form.QuerySelectorAll("input[type='hidden']")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }
}
