using Microsoft.Extensions.DependencyInjection;
using NewsReader.Data;
using NewsReader.Authors;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Authors;

/// <summary>The authors page's service: list, add, edit, delete (never an author a story names).</summary>
public abstract class AuthorAdminTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EditingSite _site = new() { Provider = provider };
    private AsyncServiceScope _scope;
    private AuthorAdmin _admin = default!;

    public async Task InitializeAsync()
    {
        _scope = await _site.SignedInScopeAsync(displayName: "Ana Ferreira");
        _admin = _scope.ServiceProvider.GetRequiredService<AuthorAdmin>();
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _site.DisposeAsync();
    }

    [ProviderFact]
    public async Task AnAddedAuthorGetsASlugFromTheirNameAndShowsOnTheirPage()
    {
        Assert.Null(await _admin.CreateAsync(new AuthorForm("  Zoë Ångström ", Bio: "Writes about the sea.", Picture: "https://example.org/zoe.jpg"), default));

        var author = Assert.Single(await _admin.ListAsync(default));
        Assert.Equal(("Zoë Ångström", "zoe-angstrom", "Writes about the sea.", "https://example.org/zoe.jpg", 0),
            (author.Name, author.Slug, author.Bio, author.Picture, author.StoryCount));
        var page = await _site.CreateClient().GetDocumentAsync("/authors/zoe-angstrom");
        Assert.Equal("Writes about the sea.", page.QuerySelector(".author-bio").Text());
        Assert.Equal("No stories here yet.", page.QuerySelector(".empty-list").Text());
    }

    [ProviderFact]
    public async Task ASecondAuthorWithTheSameNameOrSlugIsRefusedWithAReason()
    {
        await _admin.CreateAsync(new AuthorForm("Ana Ferreira"), default);

        Assert.Equal("There is already an author named \"Ana Ferreira\".", await _admin.CreateAsync(new AuthorForm("ANA FERREIRA", Slug: "ana-2"), default));
        Assert.Equal("The author \"Ana Ferreira\" already has the address /authors/ana-ferreira.",
            await _admin.CreateAsync(new AuthorForm("Ana Ferreira-Lopes", Slug: "Ana Ferreira"), default));
        Assert.Equal("An author's name is required.", await _admin.CreateAsync(new AuthorForm(""), default));
        Assert.Single(await _admin.ListAsync(default));
    }

    [ProviderFact]
    public async Task EditingAnAuthorChangesTheirPageAndEveryByline()
    {
        await _site.AddStoryAsync("Tram line opens", slug: "tram", authors: ["Ana Ferreira", "Jonah Whitlock"]);
        var ana = (await _admin.ListAsync(default)).Single(a => a.Name == "Ana Ferreira");

        Assert.Null(await _admin.UpdateAsync(ana.Id, new AuthorForm("Ana F. Lopes", Slug: "", Bio: "Transport."), default));

        var client = _site.CreateClient(new() { AllowAutoRedirect = false });
        var story = await client.GetDocumentAsync("/articles/tram");
        Assert.Equal("By Ana F. Lopes and Jonah Whitlock", story.QuerySelector(".story-header .author").Text());
        Assert.Equal("/authors/ana-f-lopes", story.QuerySelector(".story-header .author a")?.GetAttribute("href"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/authors/ana-ferreira")).StatusCode);
        Assert.Equal("Transport.", (await client.GetDocumentAsync("/authors/ana-f-lopes")).QuerySelector(".author-bio").Text());
    }

    [ProviderFact]
    public async Task AnAuthorCanBeLinkedToOneAccountAndANewStoryOfThatAccountIsTheirs()
    {
        var account = Assert.Single(await _admin.AccountsAsync(default));
        Assert.Null(await _admin.CreateAsync(new AuthorForm("Ana Ferreira-Lopes", UserId: account.Id), default));

        Assert.Equal("That account is already linked to the author \"Ana Ferreira-Lopes\".",
            await _admin.CreateAsync(new AuthorForm("Someone Else", UserId: account.Id), default));
        var author = Assert.Single(await _admin.ListAsync(default));
        Assert.Equal(account.Id, author.UserId);
        Assert.Equal("Ana Ferreira-Lopes", await _admin.NameForAccountAsync(account.Id, default));
    }

    [ProviderFact]
    public async Task AnAuthorAStoryNamesCannotBeDeletedAndAnUnusedOneCan()
    {
        await _site.AddStoryAsync("Tram line opens", slug: "tram", authors: ["Ana Ferreira"]);
        await _admin.CreateAsync(new AuthorForm("Jonah Whitlock"), default);
        var authors = await _admin.ListAsync(default);

        var refused = await _admin.DeleteAsync(authors.Single(a => a.Name == "Ana Ferreira").Id, default);
        var deleted = await _admin.DeleteAsync(authors.Single(a => a.Name == "Jonah Whitlock").Id, default);

        Assert.Equal("This author is named on 1 story, so it cannot be deleted. Give that story another author first.", refused);
        Assert.Null(deleted);
        Assert.Equal(["Ana Ferreira"], (await _admin.ListAsync(default)).Select(a => a.Name));
        Assert.Equal(["Ana Ferreira"], await _site.BylineAsync("tram"));
    }

    [ProviderFact]
    public async Task TheEditorsSuggestionsPutNamesStartingWithTheTextFirst()
    {
        foreach (var name in new[] { "Jonah Whitlock", "Ana Jones", "Jo March" })
        {
            await _admin.CreateAsync(new AuthorForm(name), default);
        }

        Assert.Equal(["Jo March", "Jonah Whitlock", "Ana Jones"], await _admin.SuggestAsync("jo", default));
    }
}

public sealed class AuthorAdminTestsOnSqlite() : AuthorAdminTests(DatabaseProvider.Sqlite);

public sealed class AuthorAdminTestsOnPostgres() : AuthorAdminTests(DatabaseProvider.Postgres);
