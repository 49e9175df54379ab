using Microsoft.Extensions.DependencyInjection;
using NewsReader.Data;
using NewsReader.Stories;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

public abstract class CategoryAdminTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EditingSite _site = new() { Provider = provider };
    private AsyncServiceScope _scope;
    private CategoryAdmin _admin = default!;

    public async Task InitializeAsync()
    {
        _scope = await _site.SignedInScopeAsync();
        _admin = _scope.ServiceProvider.GetRequiredService<CategoryAdmin>();
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _site.DisposeAsync();
    }

    [ProviderFact]
    public async Task ACreatedCategoryGetsASlugFromItsName()
    {
        Assert.Null(await _admin.CreateAsync("  Arts & Culture ", default));

        var category = Assert.Single(await _admin.ListAsync(default));
        Assert.Equal(("Arts & Culture", "arts-culture", 0), (category.Name, category.Slug, category.StoryCount));
    }

    [ProviderFact]
    public async Task ANameWhoseSlugIsTakenIsRefused()
    {
        await _admin.CreateAsync("Transport", default);

        var error = await _admin.CreateAsync("transport", default);

        Assert.Equal("The category \"Transport\" already has the address /categories/transport.", error);
        Assert.Single(await _admin.ListAsync(default));
    }

    [ProviderFact]
    public async Task RenamingMovesTheSlugAndStoriesFollow()
    {
        await _site.AddStoryAsync("Tram story", categories: ["Trams"], slug: "tram-story");
        var trams = Assert.Single(await _admin.ListAsync(default));

        Assert.Null(await _admin.RenameAsync(trams.Id, "Light Rail", default));

        var renamed = Assert.Single(await _admin.ListAsync(default));
        Assert.Equal(("Light Rail", "light-rail", 1), (renamed.Name, renamed.Slug, renamed.StoryCount));
        var story = await _site.GetService<PublishedStories>().GetPublishedAsync("tram-story", default);
        Assert.Equal([new TermLink("Light Rail", "light-rail")], story!.Categories);
    }

    [ProviderFact]
    public async Task ACategoryInUseCannotBeDeletedButAnUnusedOneCan()
    {
        await _site.AddStoryAsync("Tram story", categories: ["Trams"]);
        await _admin.CreateAsync("Unused", default);
        var categories = await _admin.ListAsync(default);

        var refused = await _admin.DeleteAsync(categories.Single(c => c.Name == "Trams").Id, default);
        var deleted = await _admin.DeleteAsync(categories.Single(c => c.Name == "Unused").Id, default);

        Assert.Equal("This category is used by 1 story; remove it from them first.", refused);
        Assert.Null(deleted);
        Assert.Equal(["Trams"], (await _admin.ListAsync(default)).Select(c => c.Name));
    }
}

public sealed class CategoryAdminTestsOnSqlite() : CategoryAdminTests(DatabaseProvider.Sqlite);

public sealed class CategoryAdminTestsOnPostgres() : CategoryAdminTests(DatabaseProvider.Postgres);
