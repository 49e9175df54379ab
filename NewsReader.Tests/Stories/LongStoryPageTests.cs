using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Stories;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

/// <summary>Long stories on the page: the table of contents, and stories saved before headings had ids.</summary>
public abstract class LongStoryPageTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly NewsSiteFactory _site = new() { Provider = provider };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private const string Body = "The harbour plan passed.\n\n## Why now\n\nA.\n\n## Ferries\n\nB.\n\n## Money\n\nC.\n\n## What next\n\nD.";

    [ProviderFact]
    public async Task ALongStoryShowsItsTableOfContentsAfterTheLeadLinkingToEachSection()
    {
        await _site.AddStoryAsync("Harbour plan passes", Body, slug: "harbour-plan");

        var page = await _site.CreateClient().GetDocumentAsync("/articles/harbour-plan");

        var contents = page.QuerySelector(".story-body > nav.story-contents");
        Assert.NotNull(contents);
        Assert.Equal("In this story", contents.QuerySelector("h2").Text());
        Assert.Equal(["Why now", "Ferries", "Money", "What next"], contents.QuerySelectorAll("a").Select(a => a.TextContent));
        Assert.All(contents.QuerySelectorAll("a"), a => Assert.NotNull(page.GetElementById(a.GetAttribute("href")![1..])));
        Assert.Equal("P", contents.PreviousElementSibling?.TagName);
        Assert.Equal("The harbour plan passed.", contents.PreviousElementSibling.Text());
    }

    [ProviderFact]
    public async Task StoriesSavedBeforeHeadingsHadIdsAreRenderedAgainOnce()
    {
        var id = await _site.AddStoryAsync("Harbour plan passes", Body, slug: "harbour-plan");
        await _site.AddStoryAsync("No headings here", "Just a paragraph.", slug: "plain");
        await using (var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            // As the renderer of the first release stored it.
            await db.Stories.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.BodyHtml, "<p>The harbour plan passed.</p>\n<h2>Why now</h2>"));
            await db.DataVersions.ExecuteDeleteAsync();
        }
        var catchUp = _site.GetService<StoryHtmlCatchUp>();

        Assert.Equal(1, await catchUp.CatchUpAsync(default));
        Assert.Equal(0, await catchUp.CatchUpAsync(default));

        var page = await _site.CreateClient().GetDocumentAsync("/articles/harbour-plan");
        Assert.NotNull(page.QuerySelector("nav.story-contents"));
        Assert.NotNull(page.GetElementById("section-ferries"));
        Assert.NotNull((await _site.CreateClient().GetDocumentAsync("/articles/plain")).QuerySelector(".story-body p"));
    }
}

public sealed class LongStoryPageTestsOnSqlite() : LongStoryPageTests(DatabaseProvider.Sqlite);

public sealed class LongStoryPageTestsOnPostgres() : LongStoryPageTests(DatabaseProvider.Postgres);
