using Bunit;
using NewsReader.Data;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NewsReader.Authors;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Authors;

/// <summary>The authors admin page, rendered by bUnit against the real services as a signed-in editor.</summary>
public abstract class AuthorsPageTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly EditingSite _site;
    private AsyncServiceScope _scope;

    private readonly DatabaseProvider _provider;

    protected AuthorsPageTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task InitializeAsync()
    {
        _scope = await _site.SignedInScopeAsync();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _scope.DisposeAsync();
        await _site.DisposeAsync();
    }

    private static List<string> Rows(IRenderedComponent<AuthorsPage> page) =>
        page.FindAll(".authors-table tbody tr").Select(r => r.TextContent).ToList();

    [ProviderFact]
    public void AnAddedAuthorIsListedWithTheirAddress()
    {
        Render<MudPopoverProvider>();
        var page = Render<AuthorsPage>();

        page.Find("#author-name").Input("Zoë Ångström");
        page.Find("#author-bio").Change("Writes about the sea.");
        page.Find("form.author-form").Submit();

        page.WaitForAssertion(() => Assert.Contains(Rows(page), r => r.Contains("Zoë Ångström") && r.Contains("/authors/zoe-angstrom")), Wait);
    }

    [ProviderFact]
    public async Task EditingAnAuthorSavesTheNewNameAndAProblemIsShownAtTheForm()
    {
        await _scope.ServiceProvider.GetRequiredService<AuthorAdmin>().CreateAsync(new AuthorForm("Ana Ferreira"), default);
        await _scope.ServiceProvider.GetRequiredService<AuthorAdmin>().CreateAsync(new AuthorForm("Jonah Whitlock"), default);
        Render<MudPopoverProvider>();
        var page = Render<AuthorsPage>();

        page.Find("button[aria-label='Edit Ana Ferreira']").Click();
        page.Find("#author-name").Input("Jonah Whitlock");
        page.Find("form.author-form").Submit();
        page.WaitForAssertion(() => Assert.Contains("There is already an author named \"Jonah Whitlock\".", page.Find(".author-error").TextContent), Wait);
        Assert.Equal("Jonah Whitlock", page.Find("#author-name").GetAttribute("value"));

        page.Find("#author-name").Input("Ana Lopes");
        page.Find("#author-slug").Input("");
        page.Find("form.author-form").Submit();

        page.WaitForAssertion(() => Assert.Contains(Rows(page), r => r.Contains("Ana Lopes") && r.Contains("/authors/ana-lopes")), Wait);
        Assert.DoesNotContain(Rows(page), r => r.Contains("Ana Ferreira"));
    }

    [ProviderFact]
    public async Task DeletingAnAuthorAStoryNamesSaysWhyNot()
    {
        await _site.AddStoryAsync("Tram story", authors: ["Ana Ferreira"]);
        var dialogs = Render<MudDialogProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var page = Render<AuthorsPage>();

        page.Find("button[aria-label='Delete Ana Ferreira']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete this author?", dialogs.Markup), Wait);
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Delete").Click();

        snackbar.WaitForAssertion(() => Assert.Contains("This author is named on 1 story, so it cannot be deleted.", snackbar.Markup), Wait);
        Assert.Contains(Rows(page), r => r.Contains("Ana Ferreira"));
    }
}

public sealed class AuthorsPageTestsOnSqlite() : AuthorsPageTests(DatabaseProvider.Sqlite);

public sealed class AuthorsPageTestsOnPostgres() : AuthorsPageTests(DatabaseProvider.Postgres);
