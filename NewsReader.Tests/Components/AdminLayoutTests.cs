using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using NewsReader.Accounts;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Components.Layout;
using NewsReader.Review;

namespace NewsReader.Tests.Components;

public sealed class AdminLayoutTests : BunitContext, IAsyncLifetime
{
    private readonly BunitAuthorizationContext _auth;

    public AdminLayoutTests()
    {
        _auth = AddAuthorization();
        Services.AddMudServices();
        Services.AddSingleton<IReviewCount>(new WaitingStories(3));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    // MudBlazor's popover service only disposes asynchronously; xunit 2 disposes test classes
    // synchronously unless they ask for this.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private IRenderedComponent<AdminLayout> RenderLayout()
    {
        // AdminLayout marks its main element with RendererInfo.IsInteractive. Touching the
        // renderer builds the service provider, so this comes after AddAuthorization.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<AdminLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));
    }

    [Fact]
    public void AnAdminSeesTheirEmailTheUsersLinkAndASignOutForm()
    {
        _auth.SetAuthorized("chief@example.org");
        _auth.SetRoles(Roles.Admin);

        var layout = RenderLayout();

        Assert.Equal("chief@example.org", layout.Find(".admin-account-email").TextContent);
        Assert.Contains(layout.FindAll("a"), a => a.GetAttribute("href") == "/admin/users" && a.TextContent == "Users");
        var form = layout.Find("form.admin-account");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/account/logout", form.GetAttribute("action"));
        Assert.Equal("logout", form.QuerySelector("input[name=_handler]")?.GetAttribute("value"));
        Assert.Equal("Sign out", form.QuerySelector("button[type=submit]")?.TextContent);
    }

    [Fact]
    public void AnEditorDoesNotSeeTheUsersLink()
    {
        _auth.SetAuthorized("ana@example.org");
        _auth.SetRoles(Roles.Editor);

        var layout = RenderLayout();

        Assert.Equal("ana@example.org", layout.Find(".admin-account-email").TextContent);
        Assert.DoesNotContain(layout.FindAll("a"), a => a.GetAttribute("href") == "/admin/users");
    }

    [Fact]
    public void AnEditorSeesHowManyStoriesWaitForReview()
    {
        _auth.SetAuthorized("ana@example.org");
        _auth.SetRoles(Roles.Editor);

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.Contains(layout.FindAll("a"), a => a.GetAttribute("href") == "/admin/review" && a.TextContent.Trim() == "Review (3)"));
        Assert.Contains(layout.FindAll("a"), a => a.GetAttribute("href") == "/admin/categories");
    }

    [Fact]
    public void AContributorSeesNeitherReviewNorCategoriesNorMediaNorUsers()
    {
        _auth.SetAuthorized("cora@example.org");
        _auth.SetRoles(Roles.Contributor);

        var layout = RenderLayout();

        var links = layout.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/articles", links);
        Assert.DoesNotContain("/admin/review", links);
        Assert.DoesNotContain("/admin/categories", links);
        Assert.DoesNotContain("/admin/media", links);
        Assert.DoesNotContain("/admin/users", links);
    }

    private sealed class WaitingStories(int count) : IReviewCount
    {
        public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(count);
    }
}
