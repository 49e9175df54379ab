using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Limits;

/// <summary>Reaction, sign-in and setup posts take a body of the size they need and no more.</summary>
public abstract class BodyLimitTests(DatabaseProvider provider) : IDisposable
{
    private readonly NewsSiteFactory _site = new() { Provider = provider };

    public void Dispose() => _site.Dispose();

    private async Task<int> StoredReactionsAsync()
    {
        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.Reactions.CountAsync();
    }

    private static HttpRequestMessage ReactionPost(string slug, int padding) => new(HttpMethod.Post, $"/articles/{slug}/reactions")
    {
        Content = new FormUrlEncodedContent([new("kind", "happy"), new("padding", new string('x', padding))]),
        Headers = { { "Origin", "http://localhost" } },
    };

    [ProviderFact]
    public async Task AnOversizedReactionPostIsRefusedWith413AndChangesNothing()
    {
        await _site.AddStoryAsync("Tram line 4 opens", slug: "tram-line-4-opens");
        var client = _site.CreateClient(new() { AllowAutoRedirect = false });

        var small = await client.SendAsync(ReactionPost("tram-line-4-opens", 3_000));
        var large = await client.SendAsync(ReactionPost("tram-line-4-opens", 5_000));
        var largeToNoStory = await client.SendAsync(ReactionPost("no-such-story", 1_000_000));

        Assert.Equal(HttpStatusCode.SeeOther, small.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, largeToNoStory.StatusCode);
        Assert.StartsWith("text/html", large.Content.Headers.ContentType?.ToString());
        Assert.Equal("Too much data", Html.Parse(await large.Content.ReadAsStringAsync()).QuerySelector("h1").Text());
        Assert.Equal(1, await StoredReactionsAsync());
        Assert.False(large.Headers.Contains("Set-Cookie"));
    }

    [ProviderFact]
    public async Task AnOversizedSignInPostIsRefusedWith413AndDoesNotSignIn()
    {
        var email = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var client = _site.CreateCookieClient();
        var token = (await client.GetDocumentAsync("/account/login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email, ["Input.Password"] = SignIn.Password, ["Input.Padding"] = new string('x', 20_000),
        }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [ProviderFact]
    public async Task AnOversizedSetupPostIsRefusedWith413()
    {
        var client = _site.CreateCookieClient();

        var response = await client.PostAsync("/admin/setup?token=x", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup", ["Input.Email"] = "owner@example.org", ["Input.Password"] = new string('x', 20_000),
        }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [ProviderFact]
    public async Task AChunkedOversizedReactionPostToARealServerIsRefusedWith413()
    {
        _site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _site.StartServer();
        await _site.AddStoryAsync("Tram line 4 opens", slug: "tram-line-4-opens");
        var address = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        // No Content-Length: the server only learns the size by reading.
        var body = new PushStreamBody("kind=happy&padding=" + new string('x', 100_000));
        body.Headers.ContentType = new("application/x-www-form-urlencoded");
        var request = new HttpRequestMessage(HttpMethod.Post, "/articles/tram-line-4-opens/reactions") { Content = body };
        request.Headers.Add("Origin", address.TrimEnd('/'));
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredReactionsAsync());
    }

    /// <summary>A form body whose length is not announced, as a streaming client sends it.</summary>
    private sealed class PushStreamBody(string text) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(text));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

public sealed class BodyLimitTestsOnSqlite() : BodyLimitTests(DatabaseProvider.Sqlite);

public sealed class BodyLimitTestsOnPostgres() : BodyLimitTests(DatabaseProvider.Postgres);

/// <summary>The Blazor hub carries the admin area's circuits; only signed-in editors may open one.</summary>
public abstract class BlazorHubAccessTests(DatabaseProvider provider) : IDisposable
{
    private readonly NewsSiteFactory _site = new() { Provider = provider };

    public void Dispose() => _site.Dispose();

    [ProviderFact]
    public async Task AnAnonymousClientCannotNegotiateOrConnectToTheBlazorHub()
    {
        var client = _site.CreateClient(new() { AllowAutoRedirect = false });

        var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        var connect = await client.GetAsync("/_blazor?id=made-up");

        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, connect.StatusCode);
    }

    [ProviderFact]
    public async Task ASignedInAccountWithoutAnEditorRoleCannotNegotiate()
    {
        var client = await _site.CreateSignedInClientAsync(role: null);

        var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [ProviderFact]
    public async Task ASignedInEditorCanNegotiate()
    {
        var client = await _site.CreateSignedInClientAsync(Roles.Editor);

        var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Contains("connectionToken", await negotiate.Content.ReadAsStringAsync());
    }
}

public sealed class BlazorHubAccessTestsOnSqlite() : BlazorHubAccessTests(DatabaseProvider.Sqlite);

public sealed class BlazorHubAccessTestsOnPostgres() : BlazorHubAccessTests(DatabaseProvider.Postgres);
