using System.Net;
using NewsReader.Accounts;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Review;

/// <summary>Which admin pages a contributor's requests reach, and which the review queue is for.</summary>
public sealed class ContributorPagesTests(NewsSiteFactory site) : IClassFixture<NewsSiteFactory>
{
    [Theory]
    [InlineData("/admin/review")]
    [InlineData("/admin/users")]
    [InlineData("/admin/categories")]
    [InlineData("/admin/media")]
    public async Task AContributorIsRefusedTheEditorsAndAdminsPages(string path)
    {
        var client = await site.CreateSignedInClientAsync(Roles.Contributor);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AccountsRegistration.AccessDeniedPath, response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/articles")]
    [InlineData("/admin/articles/new")]
    public async Task AContributorReachesTheirStoriesAndTheEditor(string path)
    {
        var client = await site.CreateSignedInClientAsync(Roles.Contributor);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnEditorGetsTheReviewQueue()
    {
        var client = await site.CreateSignedInClientAsync(Roles.Editor);

        var html = await client.GetStringAsync("/admin/review");

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("Nothing waits for review.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheContributorsNewStoryPageOffersSubmitForReviewAndNoPublishing()
    {
        var client = await site.CreateSignedInClientAsync(Roles.Contributor);

        var page = await client.GetDocumentAsync("/admin/articles/new");

        var buttons = page.QuerySelectorAll("button").Select(b => b.Text().Trim()).ToList();
        Assert.Contains("Save draft", buttons);
        Assert.Contains("Submit for review", buttons);
        Assert.DoesNotContain("Publish", buttons);
        Assert.DoesNotContain("Schedule", buttons);
        Assert.DoesNotContain("Delete", buttons);
        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/admin/categories", links);
        Assert.DoesNotContain("/admin/review", links);
    }
}
