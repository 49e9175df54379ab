using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Authors;

/// <summary>A site whose stories had free-text bylines gets one author per byline, its stories linked.</summary>
public sealed class AuthorsMigrationTests : IDisposable
{
    private const string MigrationBeforeAuthors = "20261129131318_ReactionCounts";

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private NewsDbContext Open() =>
        new(new DbContextOptionsBuilder<NewsDbContext>().UseSqlite($"Data Source={_database.Path};Pooling=False").Options);

    private async Task AtPreviousMigrationAsync()
    {
        await using var db = Open();
        await db.GetService<IMigrator>().MigrateAsync(MigrationBeforeAuthors);
    }

    [Fact]
    public async Task EveryDistinctBylineBecomesAnAuthorWithASlugAndItsStoriesAreLinked()
    {
        await AtPreviousMigrationAsync();
        var tram = await OldSchemaStories.InsertAsync(_database.Path, "tram", "Ana Ferreira");
        var ferry = await OldSchemaStories.InsertAsync(_database.Path, "ferry", "  ana ferreira ");
        var choir = await OldSchemaStories.InsertAsync(_database.Path, "choir", "Zoë Ångström");
        var desk = await OldSchemaStories.InsertAsync(_database.Path, "desk", "City Desk, Staff");
        var blank = await OldSchemaStories.InsertAsync(_database.Path, "blank", "   ");
        var cyrillic = await OldSchemaStories.InsertAsync(_database.Path, "cyrillic", "Иван Петров");
        var hyphen = await OldSchemaStories.InsertAsync(_database.Path, "hyphen", "Ana-Ferreira");

        await using var db = Open();
        await db.Database.MigrateAsync();

        var authors = await db.Authors.OrderBy(a => a.Slug).Select(a => new { a.Name, a.Slug, a.Bio }).ToListAsync();
        Assert.Equal(
            [("Ana Ferreira", "ana-ferreira"), ("Ana-Ferreira", "ana-ferreira-2"), ("Иван Петров", "author"),
             ("City Desk, Staff", "city-desk-staff"), ("Zoë Ångström", "zoe-angstrom")],
            authors.Select(a => (a.Name, a.Slug)));
        Assert.All(authors, a => Assert.Equal("", a.Bio));
        // The slugs are the ones the site would make for these names.
        Assert.Equal("zoe-angstrom", NewsReader.Stories.Slug.From("Zoë Ångström"));

        var links = await db.Set<StoryAuthor>().Select(l => new { l.StoryId, l.Author!.Name, l.Position }).ToListAsync();
        Assert.Equal(6, links.Count);
        Assert.All(links, l => Assert.Equal(0, l.Position));
        Assert.Equal("Ana Ferreira", links.Single(l => l.StoryId == tram).Name);
        Assert.Equal("Ana Ferreira", links.Single(l => l.StoryId == ferry).Name);
        Assert.Equal("Zoë Ångström", links.Single(l => l.StoryId == choir).Name);
        Assert.Equal("City Desk, Staff", links.Single(l => l.StoryId == desk).Name);
        Assert.Equal("Иван Петров", links.Single(l => l.StoryId == cyrillic).Name);
        Assert.Equal("Ana-Ferreira", links.Single(l => l.StoryId == hyphen).Name);
        Assert.DoesNotContain(links, l => l.StoryId == blank);
    }

    [Fact]
    public async Task TheOldColumnGoesAndTheSearchTriggersStay()
    {
        await AtPreviousMigrationAsync();
        await OldSchemaStories.InsertAsync(_database.Path, "tram", "Ana Ferreira", title: "Tram line opens");

        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
        }

        Assert.Equal(0, await TestDatabase.ScalarAsync(_database.Path, "SELECT count(*) FROM pragma_table_info('Articles') WHERE name = 'Author'"));
        Assert.Equal(3, await TestDatabase.ScalarAsync(_database.Path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'Articles_Search%'"));
        Assert.Equal(1, await TestDatabase.ScalarAsync(_database.Path, "SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH 'tram'"));
        Assert.Equal("ok", await TestDatabase.IntegrityAsync(_database.Path));
    }

    [Fact]
    public async Task MigratingBackWritesEachStorysBylineAsTextAgain()
    {
        await AtPreviousMigrationAsync();
        await OldSchemaStories.InsertAsync(_database.Path, "tram", "Ana Ferreira");
        await OldSchemaStories.InsertAsync(_database.Path, "blank", "");
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
        }
        // A second author, as the editor would add one after the upgrade.
        await TestDatabase.ExecuteAsync(_database.Path, """
            INSERT INTO Authors (Name, Slug, Bio) VALUES ('Jonah Whitlock', 'jonah-whitlock', '');
            INSERT INTO StoryAuthors (ArticleId, AuthorId, Position)
                SELECT a.Id, au.Id, 1 FROM Articles a, Authors au WHERE a.Slug = 'tram' AND au.Slug = 'jonah-whitlock';
            """);

        await using (var db = Open())
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBeforeAuthors);
        }

        Assert.Equal(1, await TestDatabase.ScalarAsync(_database.Path, "SELECT count(*) FROM Articles WHERE Slug = 'tram' AND Author = 'Ana Ferreira, Jonah Whitlock'"));
        Assert.Equal(1, await TestDatabase.ScalarAsync(_database.Path, "SELECT count(*) FROM Articles WHERE Slug = 'blank' AND Author = ''"));
        Assert.Equal(0, await TestDatabase.ScalarAsync(_database.Path, "SELECT count(*) FROM sqlite_master WHERE name IN ('Authors', 'StoryAuthors')"));
    }

    [Fact]
    public async Task AMigratedSiteShowsTheBylineLinkedToTheAuthorsPage()
    {
        await AtPreviousMigrationAsync();
        await OldSchemaStories.InsertAsync(_database.Path, "harbour", "Ana Ferreira", title: "Harbour opens");

        await using var site = await AppProcess.StartSiteAsync(new AppProcess.Options(_database.Path));
        using var client = new HttpClient();
        var story = Html.Parse(await client.GetStringAsync(new Uri(site.Address, "/articles/harbour")));
        var author = Html.Parse(await client.GetStringAsync(new Uri(site.Address, "/authors/ana-ferreira")));

        Assert.Equal("By Ana Ferreira", story.QuerySelector(".story-header .author").Text());
        Assert.Equal("/authors/ana-ferreira", story.QuerySelector(".story-header .author a")?.GetAttribute("href"));
        Assert.Equal(["Harbour opens"], author.QuerySelectorAll(".card-title").Select(t => t.Text()));
    }
}
