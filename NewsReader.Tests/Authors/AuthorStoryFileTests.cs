using NewsReader.StoryFiles;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Authors;

/// <summary>Story files say author: with one name or a list; import links authors, export writes the same back.</summary>
public abstract class AuthorStoryFileTests(DatabaseProvider provider) : IDisposable
{
    private readonly NewsSiteFactory _site = new() { Provider = provider };
    private readonly string _files = Directory.CreateTempSubdirectory("newsreader-authors-").FullName;

    public void Dispose()
    {
        _site.Dispose();
        Directory.Delete(_files, recursive: true);
    }

    private static string File(string slug, string author) =>
        $"---\ntitle: Story {slug}\nslug: {slug}\n{author}published: 2026-06-20T09:30:00Z\ncategories: [City]\ntags: []\n---\nBody of {slug}.\n";

    [ProviderTheory]
    [InlineData("author: Ana Ferreira\n", new[] { "Ana Ferreira" })]
    [InlineData("author: [Ana Ferreira, Jonah Whitlock]\n", new[] { "Ana Ferreira", "Jonah Whitlock" })]
    [InlineData("author:\n  - Ana Ferreira\n  - Jonah Whitlock\n  - Priya Castellan\n", new[] { "Ana Ferreira", "Jonah Whitlock", "Priya Castellan" })]
    [InlineData("author: Ana Ferreira, City Desk\n", new[] { "Ana Ferreira, City Desk" })]
    [InlineData("author: [\"Ferreira, Ana\", Jonah Whitlock, ana FERREIRA]\n", new[] { "Ferreira, Ana", "Jonah Whitlock", "ana FERREIRA" })]
    [InlineData("author:\n", new string[0])]
    [InlineData("", new string[0])]
    public void AuthorIsOneNameOrAList(string field, string[] expected)
    {
        var parsed = StoryFileFormat.Parse(File("tram", field));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(expected, parsed.Story!.Authors);
    }

    [ProviderFact]
    public void AnAuthorThatIsNeitherANameNorAListIsAnError()
    {
        var parsed = StoryFileFormat.Parse(File("tram", "author: {name: Ana}\n"));

        Assert.False(parsed.Succeeded);
        Assert.Contains("author must be a name or a list of names", parsed.Error);
    }

    [ProviderFact]
    public async Task ImportMatchesAuthorsByNameIgnoringCaseAndCreatesTheRest()
    {
        await _site.AddStoryAsync("Earlier story", slug: "earlier", author: "Ana Ferreira");
        System.IO.File.WriteAllText(Path.Combine(_files, "tram.md"), File("tram", "author: ANA FERREIRA\n"));
        System.IO.File.WriteAllText(Path.Combine(_files, "ferry.md"), File("ferry", "author: [Jonah Whitlock, ana ferreira]\n"));

        var report = await _site.GetService<StoryImporter>().ImportFolderAsync(_files, default);

        Assert.Equal(2, report.Imported);
        Assert.Equal([("Ana Ferreira", "ana-ferreira"), ("Jonah Whitlock", "jonah-whitlock")], await _site.AuthorsAsync());
        Assert.Equal(["Ana Ferreira"], await _site.BylineAsync("tram"));
        Assert.Equal(["Jonah Whitlock", "Ana Ferreira"], await _site.BylineAsync("ferry"));

        // The same files again, names in another case: nothing changed, no revision is kept.
        System.IO.File.WriteAllText(Path.Combine(_files, "ferry.md"), File("ferry", "author: [JONAH WHITLOCK, Ana Ferreira]\n"));
        var again = await _site.GetService<StoryImporter>().ImportFolderAsync(_files, default);
        Assert.Equal(2, again.Unchanged);
    }

    [ProviderFact]
    public async Task ExportWritesOneAuthorPlainAndSeveralAsAListSoFilesRoundTripUnchanged()
    {
        var one = File("tram", "author: Ana Ferreira\n");
        var several = File("ferry", "author: [Jonah Whitlock, Ana Ferreira]\n");
        var none = File("choir", "");
        System.IO.File.WriteAllText(Path.Combine(_files, "tram.md"), one);
        System.IO.File.WriteAllText(Path.Combine(_files, "ferry.md"), several);
        System.IO.File.WriteAllText(Path.Combine(_files, "choir.md"), none);
        await _site.GetService<StoryImporter>().ImportFolderAsync(_files, default);
        var exported = Directory.CreateTempSubdirectory("newsreader-export-").FullName;
        try
        {
            await _site.GetService<StoryExporter>().ExportFolderAsync(exported, default);

            Assert.Equal(one, System.IO.File.ReadAllText(Path.Combine(exported, "tram.md")));
            Assert.Equal(several, System.IO.File.ReadAllText(Path.Combine(exported, "ferry.md")));
            Assert.Equal(none, System.IO.File.ReadAllText(Path.Combine(exported, "choir.md")));
            // Importing the export again changes nothing.
            var again = await _site.GetService<StoryImporter>().ImportFolderAsync(exported, default);
            Assert.Equal(3, again.Unchanged);
        }
        finally
        {
            Directory.Delete(exported, recursive: true);
        }
    }
}

public sealed class AuthorStoryFileTestsOnSqlite() : AuthorStoryFileTests(DatabaseProvider.Sqlite);

public sealed class AuthorStoryFileTestsOnPostgres() : AuthorStoryFileTests(DatabaseProvider.Postgres);
