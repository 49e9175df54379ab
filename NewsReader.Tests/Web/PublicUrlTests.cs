using System.Net;
using NewsReader.Data;
using NewsReader.Accounts;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Web;

/// <summary>Behind a TLS-terminating proxy: the configured public address, not the request's Host, is the site's.</summary>
public abstract class PublicUrlTests(DatabaseProvider provider) : IDisposable
{
    private const string Public = "https://news.example.org";

    private readonly NewsSiteFactory _site = new() { Provider = provider, Settings = { ["NewsReader:PublicUrl"] = Public } };

    public void Dispose() => _site.Dispose();

    private HttpClient HostileHostClient()
    {
        var client = _site.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = "evil.example";
        return client;
    }

    [ProviderFact]
    public async Task AHostileHostHeaderReachesNeitherCanonicalLinksNorFeedsNorTheSitemap()
    {
        await _site.AddStoryAsync("Tram line 4 opens", slug: "tram-line-4-opens", categories: ["City"]);
        var client = HostileHostClient();

        var story = await client.GetDocumentAsync("/articles/tram-line-4-opens");
        var home = await client.GetDocumentAsync("/");
        var rss = await client.GetStringAsync("/feed.xml");
        var atom = await client.GetStringAsync("/atom.xml");
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        var robots = await client.GetStringAsync("/robots.txt");

        Assert.Equal(Public + "/articles/tram-line-4-opens", story.QuerySelector("head link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(Public + "/articles/tram-line-4-opens", story.QuerySelector("head meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal(Public + "/", home.QuerySelector("head link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains(Public + "/articles/tram-line-4-opens", rss);
        Assert.Contains(Public + "/articles/tram-line-4-opens", atom);
        Assert.Contains($"<loc>{Public}/articles/tram-line-4-opens</loc>", sitemap);
        Assert.Contains($"Sitemap: {Public}/sitemap.xml", robots);
        foreach (var text in new[] { story.DocumentElement.OuterHtml, rss, atom, sitemap, robots })
        {
            Assert.DoesNotContain("evil.example", text);
        }
    }

    [ProviderFact]
    public async Task CookiesAreSecureAndHstsIsSentWithAnHttpsPublicUrl()
    {
        await _site.AddStoryAsync("Tram line 4 opens", slug: "tram-line-4-opens");
        var email = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        // The proxy speaks plain http to the site, as a TLS-terminating proxy does. A cookie jar would
        // not send Secure cookies back over http, so this client carries the antiforgery cookie itself.
        var client = _site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var reacted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/articles/tram-line-4-opens/reactions")
        {
            Content = new FormUrlEncodedContent([new("kind", "happy")]),
            Headers = { { "Origin", Public } },
        });
        var loginPage = await client.GetAsync("/account/login");
        var token = Html.Parse(await loginPage.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = SignIn.Password,
            }),
        };
        signIn.Headers.Add("Cookie", string.Join("; ", Cookies(loginPage).Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(signIn);

        Assert.Equal(HttpStatusCode.SeeOther, reacted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(Cookies(reacted), c => c.StartsWith("nr-reader=", StringComparison.Ordinal));
        Assert.Contains(Cookies(loginPage), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(Cookies(signedIn), c => c.StartsWith(".NewsReader.SignIn=", StringComparison.Ordinal));
        Assert.All(Cookies(reacted, loginPage, signedIn), cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=", loginPage.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [ProviderFact]
    public async Task AReactionFromAnotherOriginThanThePublicOneIsRefused()
    {
        await _site.AddStoryAsync("Tram line 4 opens", slug: "tram-line-4-opens");
        var reaction = new HttpRequestMessage(HttpMethod.Post, "/articles/tram-line-4-opens/reactions")
        {
            Content = new FormUrlEncodedContent([new("kind", "happy")]),
            Headers = { { "Origin", "https://evil.example" } },
        };

        var response = await HostileHostClient().SendAsync(reaction);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static IEnumerable<string> Cookies(params HttpResponseMessage[] responses) =>
        responses.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var values) ? values : []);
}

public sealed class PublicUrlTestsOnSqlite() : PublicUrlTests(DatabaseProvider.Sqlite);

public sealed class PublicUrlTestsOnPostgres() : PublicUrlTests(DatabaseProvider.Postgres);

public abstract class PublicUrlStartupTests(DatabaseProvider provider)
{
    [ProviderTheory]
    [InlineData("news.example.org")]
    [InlineData("ftp://news.example.org")]
    [InlineData("https://news.example.org/news/")]
    [InlineData("https://news.example.org/?q=1")]
    public void AnUnusablePublicUrlStopsStartUpWithAClearMessage(string publicUrl)
    {
        using var site = new NewsSiteFactory { Provider = provider, Settings = { ["NewsReader:PublicUrl"] = publicUrl } };

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("NewsReader:PublicUrl", error.ToString());
    }

    [ProviderFact]
    public async Task WithAPlainHttpPublicUrlThereIsNoHstsAndCookiesAreNotSecure()
    {
        using var site = new NewsSiteFactory { Provider = provider, Settings = { ["NewsReader:PublicUrl"] = "http://news.example.org" } };

        var response = await site.CreateClient().GetAsync("/account/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [ProviderFact]
    public async Task WithoutAPublicUrlThereIsNoHsts()
    {
        using var site = new NewsSiteFactory { Provider = provider };

        var response = await site.CreateClient().GetAsync("/account/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

public sealed class PublicUrlStartupTestsOnSqlite() : PublicUrlStartupTests(DatabaseProvider.Sqlite);

public sealed class PublicUrlStartupTestsOnPostgres() : PublicUrlStartupTests(DatabaseProvider.Postgres);
