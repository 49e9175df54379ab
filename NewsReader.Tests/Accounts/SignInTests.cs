using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Accounts;

public sealed class SignInTests : IClassFixture<NewsSiteFactory>
{
    private const string Incorrect =
        "Email or password is incorrect, or this account may not sign in now. After 5 failed attempts an account is locked for 5 minutes.";

    private readonly NewsSiteFactory _site;

    public SignInTests(NewsSiteFactory site) => _site = site;

    private static async Task<string> MessageAsync(HttpResponseMessage response) =>
        Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]").Text();

    private static bool SetsSignInCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(".NewsReader.SignIn=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task TheSignInPageHasAnEmailAndAPasswordFieldAndASignInButton()
    {
        var page = await _site.CreateClient().GetDocumentAsync("/account/login");

        var email = page.QuerySelector("input#" + page.QuerySelectorAll("label").First(l => l.Text() == "Email").GetAttribute("for"));
        var password = page.QuerySelector("input#" + page.QuerySelectorAll("label").First(l => l.Text() == "Password").GetAttribute("for"));
        Assert.Equal("email", email?.GetAttribute("type"));
        Assert.Equal("password", password?.GetAttribute("type"));
        Assert.Equal("Sign in", page.QuerySelector("main form button[type=submit]").Text());
        Assert.NotNull(page.QuerySelector("form input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task TheRightPasswordSetsTheSignInCookieAndOpensTheAdminArea()
    {
        var email = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var client = _site.CreateCookieClient();

        var response = await client.PostSignInFormAsync(email, SignIn.Password);
        var admin = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.PathAndQuery());
        Assert.True(SetsSignInCookie(response));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var page = Html.Parse(await admin.Content.ReadAsStringAsync());
        Assert.Equal("Dashboard", page.QuerySelector("h1").Text());
        Assert.Contains(email, page.QuerySelector(".admin-account").Text());
    }

    [Fact]
    public async Task EmailsAreMatchedWithoutRegardToCase()
    {
        var email = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));

        var response = await _site.CreateCookieClient().PostSignInFormAsync(email.ToUpperInvariant(), SignIn.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownEmailGetTheSameMessage()
    {
        var email = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var client = _site.CreateCookieClient();

        var wrongPassword = await client.PostSignInFormAsync(email, "Wrong-password-1");
        var unknownEmail = await client.PostSignInFormAsync("nobody-here@example.org", SignIn.Password);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownEmail.StatusCode);
        Assert.Equal(Incorrect, await MessageAsync(wrongPassword));
        Assert.Equal(Incorrect, await MessageAsync(unknownEmail));
        Assert.False(SetsSignInCookie(wrongPassword));
        Assert.False(SetsSignInCookie(unknownEmail));
    }

    [Fact]
    public async Task FiveFailedSignInsLockTheAccountEvenAgainstTheRightPassword()
    {
        var email = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var client = _site.CreateCookieClient();

        var messages = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            messages.Add(await MessageAsync(await client.PostSignInFormAsync(email, $"Wrong-password-{attempt}")));
        }
        var rightPassword = await client.PostSignInFormAsync(email, SignIn.Password);

        // Locked, the account gets the same words as any failure: they must not tell that it exists.
        Assert.All(messages, m => Assert.Equal(Incorrect, m));
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Equal(Incorrect, await MessageAsync(rightPassword));
        Assert.False(SetsSignInCookie(rightPassword));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task AnAnonymousVisitToTheAdminAreaIsSentToSignInWithItsReturnUrl()
    {
        var client = _site.CreateCookieClient();

        var admin = await client.GetAsync("/admin");
        var users = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fadmin", admin.Headers.Location?.PathAndQuery());
        Assert.Equal("/account/login?ReturnUrl=%2Fadmin%2Fusers", users.Headers.Location?.PathAndQuery());
    }

    [Fact]
    public async Task SigningInSendsTheBrowserBackToTheLocalReturnUrl()
    {
        var email = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Admin), Roles.Admin);

        var response = await _site.CreateCookieClient().PostSignInFormAsync(email, SignIn.Password, "/admin/users");

        Assert.Equal("/admin/users", response.Headers.Location?.PathAndQuery());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/admin")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task AReturnUrlToAnotherSiteIsIgnored(string returnUrl)
    {
        var email = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));

        var response = await _site.CreateCookieClient().PostSignInFormAsync(email, SignIn.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/admin", new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsoluteUri);
    }

    [Fact]
    public async Task ASignInPostWithoutTheAntiforgeryTokenIsRefused()
    {
        var email = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var client = _site.CreateCookieClient();
        await client.GetAsync("/account/login"); // the antiforgery cookie alone is not enough

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = SignIn.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(SetsSignInCookie(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task ASignedInAccountWithoutARoleGetsAccessDenied()
    {
        var client = await _site.CreateSignedInClientAsync(role: null);

        var admin = await client.GetAsync("/admin");
        var denied = await client.GetAsync(admin.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/account/access-denied", admin.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Access denied", Html.Parse(await denied.Content.ReadAsStringAsync()).QuerySelector("h1").Text());
    }

    [Fact]
    public async Task AnEditorMayNotOpenTheUsersPageAndDoesNotSeeItsLink()
    {
        var client = await _site.CreateSignedInClientAsync(Roles.Editor);

        var users = await client.GetAsync("/admin/users");
        var admin = Html.Parse(await (await client.GetAsync("/admin")).Content.ReadAsStringAsync());

        Assert.StartsWith("/account/access-denied", users.Headers.Location?.PathAndQuery());
        Assert.DoesNotContain(admin.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/admin/users");
    }

    [Fact]
    public async Task AnAdminSeesEveryAccountOnTheUsersPage()
    {
        var editor = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var client = await _site.CreateSignedInClientAsync(Roles.Admin);

        var response = await client.GetAsync("/admin/users");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelectorAll("tr").Single(r => r.Text().Contains(editor));
        Assert.Contains("Editor", row.Text());
        Assert.Contains("Active", row.Text());
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/admin/users");
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var client = await _site.CreateSignedInClientAsync(Roles.Editor);

        var confirm = Html.Parse(await (await client.GetAsync("/account/logout")).Content.ReadAsStringAsync());
        var response = await client.SignOutAsync();

        Assert.Equal("Sign out", confirm.QuerySelector("main form button").Text());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task ASignOutPostWithoutTheAntiforgeryTokenIsRefused()
    {
        var client = await _site.CreateSignedInClientAsync(Roles.Editor);

        var response = await client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "logout" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInAndItsCookieStopsWorking()
    {
        var email = SignIn.NewEmail(Roles.Editor);
        var client = await _site.CreateSignedInClientAsync(Roles.Editor, email);
        var accounts = _site.GetService<AccountManager>();
        var id = (await accounts.ListAsync(CancellationToken.None)).Single(a => a.Email == email).Id;

        var result = await accounts.SetDisabledAsync(id, disabled: true, CancellationToken.None);
        var afterDisabling = await client.GetAsync("/admin");
        var signIn = await _site.CreateCookieClient().PostSignInFormAsync(email, SignIn.Password);

        Assert.True(result.Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, afterDisabling.StatusCode);
        Assert.StartsWith("/account/login", afterDisabling.Headers.Location?.PathAndQuery());
        Assert.Equal(Incorrect, await MessageAsync(signIn));
        Assert.False(SetsSignInCookie(signIn));
    }

    [Fact]
    public async Task ChangingARoleSignsTheAccountOutSoTheOldRoleIsNotKept()
    {
        var email = SignIn.NewEmail(Roles.Admin);
        var client = await _site.CreateSignedInClientAsync(Roles.Admin, email);
        await _site.CreateUserAsync(SignIn.NewEmail(Roles.Admin), Roles.Admin);
        var accounts = _site.GetService<AccountManager>();
        var id = (await accounts.ListAsync(CancellationToken.None)).Single(a => a.Email == email).Id;

        await accounts.SetRoleAsync(id, Roles.Editor, CancellationToken.None);
        var users = await client.GetAsync("/admin/users");

        Assert.StartsWith("/account/login", users.Headers.Location?.PathAndQuery());
    }

    [Fact]
    public async Task DataProtectionKeysAreKeptInTheDatabase()
    {
        await _site.CreateSignedInClientAsync(Roles.Editor);

        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();

        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }
}

internal static class UriExtensions
{
    /// <summary>Path and query of a Location header, whether the server wrote it absolute or relative.</summary>
    public static string PathAndQuery(this Uri uri) =>
        uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
