using Bunit;
using NewsReader.Data;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

/// <summary>The categories page, rendered by bUnit against the real services as a signed-in editor.</summary>
public abstract class CategoriesPageTests : BunitContext, IAsyncLifetime
{
    /// <summary>Saves go to a real database; on a busy machine that takes longer than bUnit's one-second default.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly EditingSite _site;
    private AsyncServiceScope _scope;

    private readonly DatabaseProvider _provider;

    protected CategoriesPageTests(DatabaseProvider provider)
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

    private static List<string> Rows(IRenderedComponent<CategoriesPage> page) =>
        page.FindAll(".categories-table tbody tr").Select(r => r.TextContent).ToList();

    [ProviderFact]
    public void ACreatedCategoryIsListedWithItsAddress()
    {
        var page = Render<CategoriesPage>();

        page.Find("#new-category").Input("Arts & Culture");
        page.Find("form.category-create").Submit();

        page.WaitForAssertion(() => Assert.Contains(Rows(page), r => r.Contains("Arts & Culture") && r.Contains("/categories/arts-culture")), Wait);
    }

    [ProviderFact]
    public async Task ADuplicateNameIsRefusedWithAMessage()
    {
        await _scope.ServiceProvider.GetRequiredService<CategoryAdmin>().CreateAsync("Transport", default);
        var page = Render<CategoriesPage>();

        page.Find("#new-category").Input("transport");
        page.Find("form.category-create").Submit();

        page.WaitForAssertion(() => Assert.Contains("already has the address /categories/transport", page.Markup), Wait);
        Assert.Single(Rows(page));
    }

    [ProviderFact]
    public async Task RenamingMovesTheAddress()
    {
        await _scope.ServiceProvider.GetRequiredService<CategoryAdmin>().CreateAsync("Trams", default);
        var page = Render<CategoriesPage>();

        page.Find("button[aria-label='Rename Trams']").Click();
        page.Find("form.category-rename input").Input("Light Rail");
        page.Find("form.category-rename").Submit();

        page.WaitForAssertion(() => Assert.Contains(Rows(page), r => r.Contains("Light Rail") && r.Contains("/categories/light-rail")), Wait);
    }

    [ProviderFact]
    public async Task OnlyAnUnusedCategoryCanBeDeletedAndOnlyAfterConfirming()
    {
        await _site.AddStoryAsync("Tram story", categories: ["Trams"]);
        await _scope.ServiceProvider.GetRequiredService<CategoryAdmin>().CreateAsync("Unused", default);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<CategoriesPage>();

        Assert.True(page.Find("button[aria-label='Delete Trams']").HasAttribute("disabled"));
        page.Find("button[aria-label='Delete Unused']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete this category?", dialogs.Markup), Wait);
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain(Rows(page), r => r.Contains("Unused")), Wait);
        Assert.Contains(Rows(page), r => r.Contains("Trams"));
    }
}

public sealed class CategoriesPageTestsOnSqlite() : CategoriesPageTests(DatabaseProvider.Sqlite);

public sealed class CategoriesPageTestsOnPostgres() : CategoriesPageTests(DatabaseProvider.Postgres);
