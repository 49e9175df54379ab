using NewsReader.Authors;

namespace NewsReader.Tests.Authors;

/// <summary>Bylines, the editor's one-line form of author names, and author slugs.</summary>
public sealed class AuthorNamesTests
{
    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "Ana Ferreira" }, "Ana Ferreira")]
    [InlineData(new[] { "Ana Ferreira", "Jonah Whitlock" }, "Ana Ferreira and Jonah Whitlock")]
    [InlineData(new[] { "A", "B", "C" }, "A, B and C")]
    [InlineData(new[] { "A", "B", "C", "D" }, "A, B, C and D")]
    public void ABylineNamesEveryAuthorAsASentence(string[] names, string expected) =>
        Assert.Equal(expected, AuthorNames.Byline(names));

    [Fact]
    public void TheOneLineFormKeepsOrderDropsEmptiesAndRepeatsIgnoringCase()
    {
        Assert.Equal(["Ana Ferreira", "Jonah Whitlock"], AuthorNames.Split(" Ana Ferreira ;; Jonah Whitlock; ana ferreira ;"));
        Assert.Equal("Ana Ferreira; Jonah Whitlock", AuthorNames.Join(["Ana Ferreira", " Jonah Whitlock ", ""]));
    }

    [Fact]
    public void ABylineWithACommaStaysOneName()
    {
        // Free-text bylines from before authors had pages often say "Name, Desk".
        Assert.Equal(["Ana Ferreira, City Desk"], AuthorNames.Split("Ana Ferreira, City Desk"));
    }

    [Fact]
    public void NamesThatCannotBeAnAuthorAreRefusedWithAReason()
    {
        Assert.Empty(AuthorNames.Problems(["Ana Ferreira", "Иван Петров"]));
        Assert.Equal(["An author's name cannot contain \";\"."], AuthorNames.Problems(["A;B"]));
        Assert.Equal(["An author's name must be at most 200 characters."], AuthorNames.Problems([new string('a', 201)]));
        Assert.Equal(["A story can have at most 20 authors."], AuthorNames.Problems(Enumerable.Range(1, 21).Select(i => $"Writer {i}").ToList()));
    }

    [Fact]
    public void ASlugIsTheNamesSlugOrTheFirstFreeNumberedOne()
    {
        Assert.Equal("zoe-angstrom", AuthorNames.UniqueSlug("Zoë Ångström", _ => false));
        var taken = new HashSet<string> { "ana-ferreira", "ana-ferreira-2" };
        Assert.Equal("ana-ferreira-3", AuthorNames.UniqueSlug("Ana Ferreira", taken.Contains));
        Assert.Equal("author", AuthorNames.UniqueSlug("Иван", _ => false));
    }

    [Fact]
    public void AnAuthorFormNeedsAUsableNameSlugAndPicture()
    {
        Assert.Null(new AuthorForm("Ana Ferreira", Picture: "/media/abc-960.webp").Problem());
        Assert.Equal("ana-ferreira", new AuthorForm("Ana Ferreira").EffectiveSlug);
        Assert.Equal("ana", new AuthorForm("Ana Ferreira", Slug: " Ana ").EffectiveSlug);
        Assert.Equal("An author's name is required.", new AuthorForm(" ").Problem());
        Assert.StartsWith("The address needs at least one letter or digit", new AuthorForm("Иван").Problem());
        Assert.Null(new AuthorForm("Иван", Slug: "ivan").Problem());
        Assert.StartsWith("The picture must be", new AuthorForm("Ana", Picture: "javascript:alert(1)").Problem());
    }
}
