using System.Net;
using NewsReader.Accounts;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

/// <summary>The story editor's pages over HTTP: who gets them, and what their first (prerendered) answer shows.</summary>
public sealed class EditorPagesTests(NewsSiteFactory site) : IClassFixture<NewsSiteFactory>
{
    [Theory]
    [InlineData("/admin/articles")]
    [InlineData("/admin/articles/new")]
    [InlineData("/admin/articles/1")]
    [InlineData("/admin/categories")]
    public async Task AnonymousVisitorsAreSentToSignIn(string path)
    {
        var client = site.CreateCookieClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData("/admin/articles/new")]
    [InlineData("/admin/categories")]
    public async Task AnAccountWithoutTheEditorRoleIsRefused(string path)
    {
        var client = await site.CreateSignedInClientAsync(role: null);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AccountsRegistration.AccessDeniedPath, response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task TheNewStoryPageShowsEveryLabelledFieldAndTheButtons()
    {
        var client = await site.CreateSignedInClientAsync();

        var page = await client.GetDocumentAsync("/admin/articles/new");

        var labels = page.QuerySelectorAll("label").Select(l => l.Text()).ToList();
        Assert.Superset(new HashSet<string> { "Title", "Slug", "Summary", "Author", "Categories", "Tags", "Lead image", "Body (Markdown)" }, labels.ToHashSet());
        foreach (var label in page.QuerySelectorAll("label[for]"))
        {
            Assert.NotNull(page.GetElementById(label.GetAttribute("for")!));
        }
        var buttons = page.QuerySelectorAll("button").Select(b => b.Text()).ToList();
        Assert.Contains("Save draft", buttons);
        Assert.Contains("Publish", buttons);
        Assert.Contains("Schedule", buttons);
        Assert.Equal("false", page.QuerySelector(".story-editor")?.GetAttribute("data-editor-ready"));
    }

    [Fact]
    public async Task AStoryOpensInTheEditorWithItsFields()
    {
        var id = await site.AddStoryAsync("Quay repairs begin", "The **quay** is closed.", categories: ["City"], tags: ["harbour"], slug: "quay-repairs-begin");
        var client = await site.CreateSignedInClientAsync();

        var page = await client.GetDocumentAsync($"/admin/articles/{id}");

        Assert.Equal("Quay repairs begin", page.GetElementById("story-title")?.GetAttribute("value"));
        Assert.Equal("quay-repairs-begin", page.GetElementById("story-slug")?.GetAttribute("value"));
        Assert.Equal("City", page.GetElementById("story-categories")?.GetAttribute("value"));
        Assert.Equal("The **quay** is closed.", page.GetElementById("story-body")?.TextContent);
        Assert.Equal("quay", page.QuerySelector(".preview-body strong")?.TextContent);
        Assert.Equal("Published", page.QuerySelector(".story-status")?.Text());
    }

    [Fact]
    public async Task AnUnknownStoryIdSaysSo()
    {
        var client = await site.CreateSignedInClientAsync();

        var page = await client.GetDocumentAsync("/admin/articles/987654");

        Assert.Equal("Story not found", page.QuerySelector("h1")?.Text());
    }

    [Fact]
    public async Task TheStoriesPageOffersANewStory()
    {
        var client = await site.CreateSignedInClientAsync();

        var page = await client.GetDocumentAsync("/admin/articles");

        Assert.Equal("Stories", page.QuerySelector("h1")?.Text());
        Assert.NotNull(page.QuerySelectorAll("a").SingleOrDefault(a => a.Text() == "New story" && a.GetAttribute("href") == "/admin/articles/new"));
        Assert.DoesNotContain("No stories yet", page.Body!.TextContent);
    }

    [Fact]
    public async Task AnOldSlugRedirectIsNotRememberedForever()
    {
        var id = await site.AddStoryAsync("Moving story", slug: "moving-story-old");
        await using (var scope = await site.CreateSignedInScopeAsync(await site.CreateUserAsync(SignIn.NewEmail())))
        {
            var editor = StoryEditing.From(scope.ServiceProvider);
            var story = (await editor.Saver.GetAsync(id, default))!;
            Assert.IsType<NewsReader.Editing.SaveResult.Saved>(
                await editor.Saver.SaveDraftAsync(id, story.Version, story.Draft with { Slug = "moving-story-new" }, default));
        }
        var client = site.CreateCookieClient();

        var response = await client.GetAsync("/articles/moving-story-old");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/articles/moving-story-new", response.Headers.Location?.OriginalString);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }
}
