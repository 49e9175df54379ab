using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

public sealed partial class ReaderPagesTests
{
    [Fact]
    public async Task HealthCheckAnswersWhenTheDatabaseDoes()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AppBarListsCategoriesWithMostStoriesFirst()
    {
        await _site.AddStoryAsync("One", categories: ["Culture"]);
        await _site.AddStoryAsync("Two", categories: ["City"]);
        await _site.AddStoryAsync("Three", categories: ["City", "Science"]);
        await _site.AddStoryAsync("Hidden", categories: ["Secret"], draft: true);

        var page = await _client.GetDocumentAsync("/");

        var names = page.QuerySelectorAll("nav.category-nav a").Select(a => a.Text()).ToList();
        Assert.Equal(["City", "Culture", "Science"], names);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/plain-story")]
    [InlineData("/no-such-page")]
    public async Task ReaderPagesSetNoCookieAndForbidNoCaching(string url)
    {
        await _site.AddStoryAsync("Plain story", slug: "plain-story");

        var response = await _client.GetAsync(url);

        Assert.False(response.Headers.Contains("Set-Cookie"), "a plain page view must not set a cookie");
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task EveryResponseCarriesTheSecurityHeaders()
    {
        var response = await _client.GetAsync("/");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task HeadRequestsAnswerLikeGetsForPagesThatExist()
    {
        await _site.AddStoryAsync("Checked story", slug: "checked");

        var story = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/articles/checked"));
        var missing = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/articles/missing"));

        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
