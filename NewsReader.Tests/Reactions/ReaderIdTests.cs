using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using NewsReader.Reactions;

namespace NewsReader.Tests.Reactions;

public sealed class ReaderIdTests
{
    private readonly ReaderIdCookie _cookie = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void AReaderIdIs128RandomBitsInHex()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ReaderIdCookie.NewId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void TheCookieValueHidesTheIdAndGivesItBack()
    {
        var id = ReaderIdCookie.NewId();

        var value = _cookie.Protect(id);

        Assert.DoesNotContain(id, value);
        Assert.Equal(id, _cookie.Unprotect(value));
    }

    [Fact]
    public void ATamperedOrForeignCookieIsNoReader()
    {
        var value = _cookie.Protect(ReaderIdCookie.NewId());
        var tampered = value[..^2] + (value[^2] == 'A' ? "B" : "A") + value[^1];
        var otherKeys = new ReaderIdCookie(new EphemeralDataProtectionProvider()).Protect(ReaderIdCookie.NewId());
        var otherPurpose = new EphemeralDataProtectionProvider().CreateProtector("Other").Protect(ReaderIdCookie.NewId());

        Assert.Null(_cookie.Unprotect(tampered));
        Assert.Null(_cookie.Unprotect(otherKeys));
        Assert.Null(_cookie.Unprotect(otherPurpose));
        Assert.Null(_cookie.Unprotect("0123456789abcdef0123456789abcdef"));
        Assert.Null(_cookie.Unprotect(""));
    }

    [Fact]
    public void TheCookieIsHttpOnlyLaxLongLivedAndSecureOverHttps()
    {
        var overHttps = ReaderIdCookie.CookieOptions(https: true);
        var overHttp = ReaderIdCookie.CookieOptions(https: false);

        Assert.True(overHttps.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, overHttps.SameSite);
        Assert.True(overHttps.Secure);
        Assert.False(overHttp.Secure);
        Assert.True(overHttps.MaxAge >= TimeSpan.FromDays(365));
    }

    [Fact]
    public void AReaderIsIssuedOnceAndReadBackFromTheCookie()
    {
        var first = new DefaultHttpContext();
        var id = _cookie.GetOrIssue(first);
        var setCookie = first.Response.Headers.SetCookie.ToString();
        var second = new DefaultHttpContext();
        second.Request.Headers.Cookie = setCookie.Split(';')[0];

        Assert.StartsWith(ReaderIdCookie.CookieName + "=", setCookie);
        Assert.Contains("httponly", setCookie);
        Assert.Contains("samesite=lax", setCookie);
        Assert.Equal(id, _cookie.Read(second));
        Assert.Equal(id, _cookie.GetOrIssue(second));
        Assert.Equal(0, second.Response.Headers.SetCookie.Count);
    }

    [Theory]
    [InlineData("https://news.example", null, null, true)]
    [InlineData(null, "same-origin", null, true)]
    [InlineData("https://news.example", "same-origin", null, true)]
    [InlineData(null, null, "https://news.example/articles/a", true)]
    [InlineData("https://evil.example", null, null, false)]
    [InlineData("http://news.example", null, null, false)]
    [InlineData("https://news.example:8443", null, null, false)]
    [InlineData("null", null, null, false)]
    [InlineData(null, "cross-site", null, false)]
    [InlineData(null, "same-site", null, false)]
    [InlineData("https://news.example", "cross-site", null, false)]
    [InlineData(null, null, "https://evil.example/page", false)]
    [InlineData(null, null, null, false)]
    public void OnlyPostsFromTheSitesOwnOriginAreAccepted(string? origin, string? fetchSite, string? referer, bool accepted)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("news.example");
        if (origin is not null) context.Request.Headers.Origin = origin;
        if (fetchSite is not null) context.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        if (referer is not null) context.Request.Headers.Referer = referer;

        Assert.Equal(accepted, SameOriginCheck.IsSameOrigin(context.Request));
    }
}
