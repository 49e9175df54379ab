using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Accounts;

public sealed partial class FirstRunTests
{
    [GeneratedRegex(@"/admin/setup\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex SetupLink();

    private static string? LoggedToken(LogCapture logs) =>
        logs.Messages.Select(m => SetupLink().Match(m)).Where(m => m.Success).Select(m => m.Groups[1].Value).LastOrDefault();

    private static HttpClient CookieClient(WebApplicationFactory<Program> site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string token, string email, string password)
    {
        var url = $"/admin/setup?token={token}";
        var form = (await client.GetDocumentAsync(url)).QuerySelector("form[method=post]");
        var fields = form?.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "")
            ?? new Dictionary<string, string> { ["_handler"] = "setup" };
        if (form is null)
        {
            // No form shown: post what an old copy of the form would send, with a fresh antiforgery token.
            var login = (await client.GetDocumentAsync("/account/login")).QuerySelector("input[name=__RequestVerificationToken]");
            fields["__RequestVerificationToken"] = login!.GetAttribute("value")!;
        }
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        fields["Input.ConfirmPassword"] = password;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<int> AccountCountAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.Users.CountAsync();
    }

    [Fact]
    public async Task WithNoAccountStartUpLogsASetupLinkThatCreatesTheOwnerOnce()
    {
        using var site = new NewsSiteFactory();
        var logs = new LogCapture();
        using var logged = site.WithLogCapture(logs);
        var client = CookieClient(logged);
        await client.GetAsync("/healthz");
        var token = LoggedToken(logs);
        Assert.NotNull(token);
        Assert.True(token.Length >= 43, "a 256-bit token in base64url has 43 characters");

        var form = await client.GetDocumentAsync($"/admin/setup?token={token}");
        var created = await PostSetupAsync(client, token, "owner@example.org", "Owner-password-1");
        var admin = await client.GetAsync("/admin");
        var again = await PostSetupAsync(CookieClient(logged), token, "intruder@example.org", "Intruder-password-1");
        var revisit = await CookieClient(logged).GetDocumentAsync($"/admin/setup?token={token}");

        Assert.Equal("Email", form.QuerySelector("label[for=setup-email]").Text());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already been used", Html.Parse(await again.Content.ReadAsStringAsync()).QuerySelector("[role=alert]").Text());
        Assert.Null(revisit.QuerySelector("input[type=password]"));
        Assert.Contains("already been used", revisit.QuerySelector("[role=alert]").Text());
        Assert.Equal(1, await AccountCountAsync(logged.Services));
        using var scope = logged.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
        var owner = await users.FindByEmailAsync("owner@example.org");
        Assert.NotNull(owner);
        Assert.True(await users.IsInRoleAsync(owner, Roles.Admin));
        Assert.Null(await users.FindByEmailAsync("intruder@example.org"));
    }

    [Fact]
    public async Task AWeakOwnerPasswordIsRefusedAndTheLinkStillWorks()
    {
        using var site = new NewsSiteFactory();
        var token = await site.GetService<SetupTokens>().IssueIfNoAccountAsync(CancellationToken.None);
        var client = site.CreateCookieClient();

        var weak = await PostSetupAsync(client, token!, "owner@example.org", "short");
        var strong = await PostSetupAsync(client, token!, "owner@example.org", "Owner-password-1");

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Passwords must be at least 10 characters.", await weak.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);
    }

    [Fact]
    public async Task AnInvalidSetupTokenShowsAMessageAndNoForm()
    {
        using var site = new NewsSiteFactory();
        var client = site.CreateCookieClient();

        var invalid = await client.GetAsync("/admin/setup?token=not-a-real-token");
        var missing = await client.GetDocumentAsync("/admin/setup");
        var posted = await PostSetupAsync(client, "not-a-real-token", "owner@example.org", "Owner-password-1");

        var page = Html.Parse(await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("This setup link is not valid", page.QuerySelector("[role=alert]").Text());
        Assert.Null(page.QuerySelector("input[type=password]"));
        Assert.Null(missing.QuerySelector("input[type=password]"));
        Assert.Contains("not valid", Html.Parse(await posted.Content.ReadAsStringAsync()).QuerySelector("[role=alert]").Text());
        Assert.Equal(0, await AccountCountAsync(site.Services));
    }

    [Fact]
    public async Task AnExpiredSetupTokenIsRefused()
    {
        using var site = new NewsSiteFactory();
        site.CreateClient();
        await using (var db = await site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            db.SetupTokens.Add(new SetupToken
            {
                TokenHash = SetupTokens.Hash("an-old-token"),
                CreatedAt = DateTime.UtcNow.AddHours(-25),
                ExpiresAt = DateTime.UtcNow.AddHours(-1),
            });
            await db.SaveChangesAsync();
        }

        var page = await site.CreateClient().GetDocumentAsync("/admin/setup?token=an-old-token");

        Assert.Contains("This setup link has expired", page.QuerySelector("[role=alert]").Text());
        Assert.Null(page.QuerySelector("input[type=password]"));
    }

    [Fact]
    public async Task NoSetupLinkIsLoggedOnceAnAccountExists()
    {
        using var site = new NewsSiteFactory();
        site.CreateClient();
        await site.CreateUserAsync("editor@example.org");
        using var restarted = new NewsSiteFactory();
        restarted.Settings["ConnectionStrings:News"] = $"Data Source={site.DatabasePath}";
        var logs = new LogCapture();
        using var logged = restarted.WithLogCapture(logs);

        logged.CreateClient();

        Assert.Null(LoggedToken(logs));
    }

    [Fact]
    public async Task TheConfiguredAdminExistsAfterStartUpAndARestartUpdatesItWithoutADuplicate()
    {
        using var first = new NewsSiteFactory();
        first.Settings["NewsReader:Admin:Email"] = "chief@example.org";
        first.Settings["NewsReader:Admin:Password"] = "First-password-1";
        var logs = new LogCapture();
        using (var logged = first.WithLogCapture(logs))
        {
            var signIn = await CookieClient(logged).PostSignInFormAsync("chief@example.org", "First-password-1");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        Assert.Null(LoggedToken(logs));

        using var second = new NewsSiteFactory();
        second.Settings["ConnectionStrings:News"] = $"Data Source={first.DatabasePath}";
        second.Settings["NewsReader:Admin:Email"] = "Chief@Example.org";
        second.Settings["NewsReader:Admin:Password"] = "Second-password-2";
        var client = second.CreateCookieClient();

        var oldPassword = await client.PostSignInFormAsync("chief@example.org", "First-password-1");
        var newPassword = await client.PostSignInFormAsync("chief@example.org", "Second-password-2");
        var users = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(1, await AccountCountAsync(second.Services));
    }

    [Fact]
    public void AWeakConfiguredAdminPasswordStopsStartUpWithIdentitysMessage()
    {
        using var site = new NewsSiteFactory();
        site.Settings["NewsReader:Admin:Email"] = "chief@example.org";
        site.Settings["NewsReader:Admin:Password"] = "password";

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("Passwords must be at least 10 characters.", error.ToString());
    }

    [Fact]
    public async Task ASignInHoldsOnAnotherInstanceBecauseTheKeysAreInTheDatabase()
    {
        using var first = new NewsSiteFactory();
        var email = await first.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var signIn = await first.CreateCookieClient().PostSignInFormAsync(email, SignIn.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie")
            .First(c => c.StartsWith(".NewsReader.SignIn=", StringComparison.Ordinal)).Split(';')[0];

        // A second host on the same database: its own memory, so only the stored keys can read the cookie.
        using var second = new NewsSiteFactory();
        second.Settings["ConnectionStrings:News"] = $"Data Source={first.DatabasePath}";
        var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
