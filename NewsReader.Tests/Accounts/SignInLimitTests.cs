using System.Net;
using NewsReader.Data;
using NewsReader.Accounts;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Accounts;

/// <summary>Sign-in says nothing about which accounts exist, and guessing is limited per address.</summary>
public abstract class SignInLimitTests(DatabaseProvider provider) : IDisposable
{
    private readonly NewsSiteFactory _site = new() { Provider = provider, KeepAddressLimits = true };

    public void Dispose() => _site.Dispose();

    private HttpClient ClientFrom(string address) => TestClientAddress.From(_site.CreateCookieClient(), address);

    private static async Task<(HttpStatusCode Status, string Message)> AnswerAsync(HttpResponseMessage response) =>
        (response.StatusCode, Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]").Text());

    [ProviderFact]
    public async Task EveryFailedSignInGetsTheSameStatusAndTheSameWords()
    {
        var known = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var locked = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var disabled = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var accounts = _site.GetService<AccountManager>();
        var disabledId = (await accounts.ListAsync(CancellationToken.None)).Single(a => a.Email == disabled).Id;
        Assert.True((await accounts.SetDisabledAsync(disabledId, disabled: true, CancellationToken.None)).Succeeded);
        // Each failure comes from its own address, so the per-address limit plays no part here.
        for (var i = 0; i < 5; i++)
        {
            await ClientFrom("192.0.2.50").PostSignInFormAsync(locked, $"Wrong-password-{i}");
        }

        var wrongPassword = await AnswerAsync(await ClientFrom("192.0.2.51").PostSignInFormAsync(known, "Wrong-password-1"));
        var unknownEmail = await AnswerAsync(await ClientFrom("192.0.2.52").PostSignInFormAsync("nobody-here@example.org", SignIn.Password));
        var lockedRightPassword = await AnswerAsync(await ClientFrom("192.0.2.53").PostSignInFormAsync(locked, SignIn.Password));
        var disabledRightPassword = await AnswerAsync(await ClientFrom("192.0.2.54").PostSignInFormAsync(disabled, SignIn.Password));

        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.False(string.IsNullOrEmpty(wrongPassword.Message));
        Assert.Equal(wrongPassword, unknownEmail);
        Assert.Equal(wrongPassword, lockedRightPassword);
        Assert.Equal(wrongPassword, disabledRightPassword);
    }

    [ProviderFact]
    public async Task SignInPostsFromOneAddressAreLimitedAndOtherAddressesAreNot()
    {
        var email = await _site.CreateUserAsync(SignIn.NewEmail(Roles.Editor));
        var guesser = ClientFrom("203.0.113.30");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await guesser.PostSignInFormAsync($"guess-{i}@example.org", "Wrong-password-1")).StatusCode);
        }
        var refused = await guesser.PostSignInFormAsync(email, SignIn.Password);
        var someoneElse = await ClientFrom("203.0.113.31").PostSignInFormAsync(email, SignIn.Password);

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Too many sign-in attempts", page.QuerySelector("h1").Text());
        Assert.Equal(HttpStatusCode.Redirect, someoneElse.StatusCode);
        // Reading the sign-in page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/account/login")).StatusCode);
    }

    [ProviderFact]
    public async Task SetupPostsFromOneAddressAreLimited()
    {
        var client = ClientFrom("203.0.113.32");
        var token = (await client.GetDocumentAsync("/account/login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "setup", ["__RequestVerificationToken"] = token,
                ["Input.Email"] = "owner@example.org", ["Input.Password"] = "Correct-horse-9", ["Input.ConfirmPassword"] = "Correct-horse-9",
            });
            statuses.Add((await client.PostAsync($"/admin/setup?token=guess-{i}", form)).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}

public sealed class SignInLimitTestsOnSqlite() : SignInLimitTests(DatabaseProvider.Sqlite);

public sealed class SignInLimitTestsOnPostgres() : SignInLimitTests(DatabaseProvider.Postgres);
