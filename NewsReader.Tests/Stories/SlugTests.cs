using NewsReader.Stories;

namespace NewsReader.Tests.Stories;

public class SlugTests
{
    [Theory]
    [InlineData("Tram line 4 opens to passengers", "tram-line-4-opens-to-passengers")]
    [InlineData("Hello, World!", "hello-world")]
    [InlineData("  Spaces   around  ", "spaces-around")]
    [InlineData("--Already--hyphenated--", "already-hyphenated")]
    [InlineData("What?!... Really??", "what-really")]
    [InlineData("snake_case and dot.separated", "snake-case-and-dot-separated")]
    [InlineData("2026 budget: 3.5% more", "2026-budget-3-5-more")]
    [InlineData("Line\tbreaks\nand\r\ntabs", "line-breaks-and-tabs")]
    public void TextBecomesLowerCaseWordsJoinedBySingleHyphens(string text, string expected)
    {
        Assert.Equal(expected, Slug.From(text));
    }

    [Theory]
    [InlineData("Crème brûlée", "creme-brulee")]
    [InlineData("São Paulo", "sao-paulo")]
    [InlineData("Straße", "strasse")]
    [InlineData("Æble og Ørred", "aeble-og-orred")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Đakovo", "dakovo")]
    [InlineData("Þingvellir", "thingvellir")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("İstanbul ılık", "istanbul-ilik")]
    [InlineData("Ångström Čapek Ñandú", "angstrom-capek-nandu")]
    public void DiacriticsAreFoldedToAsciiLetters(string text, string expected)
    {
        Assert.Equal(expected, Slug.From(text));
    }

    [Fact]
    public void FullWidthLettersAndLigaturesAreFolded()
    {
        Assert.Equal("news-2026-file", Slug.From("ＮＥＷＳ ２０２６ ﬁle"));
    }

    [Theory]
    [InlineData("Don't panic", "dont-panic")]
    [InlineData("Rock ’n’ roll", "rock-n-roll")]
    public void ApostrophesDoNotSplitWords(string text, string expected)
    {
        Assert.Equal(expected, Slug.From(text));
    }

    [Theory]
    [InlineData("🚋 Tram ✨", "tram")]
    [InlineData("東京 Tokyo", "tokyo")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    public void CharactersWithoutAnAsciiFormBecomeSeparators(string text, string expected)
    {
        Assert.Equal(expected, Slug.From(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ---")]
    [InlineData("東京")]
    [InlineData("🚋🚋")]
    public void NothingUsableGivesEmptySlug(string text)
    {
        Assert.Equal("", Slug.From(text));
    }

    [Fact]
    public void NullGivesEmptySlug()
    {
        Assert.Equal("", Slug.From(null!));
    }

    [Theory]
    [InlineData("tram-line-4")]
    [InlineData("a")]
    [InlineData("2026")]
    [InlineData("x-1-y-2")]
    public void ValidSlugComesBackUnchanged(string slug)
    {
        Assert.Equal(slug, Slug.From(slug));
    }

    [Theory]
    [InlineData("Crème brûlée, São Paulo & Straße!")]
    [InlineData("  --Mixed__Case  Words--  ")]
    [InlineData("Ünïcödé ËVËRÝWHÉRÉ — with dashes – and “quotes”")]
    public void SlugOfSlugIsTheSameSlug(string text)
    {
        var once = Slug.From(text);

        Assert.Equal(once, Slug.From(once));
    }

    [Fact]
    public void LongTitleIsCutAtAWordBoundary()
    {
        var title = string.Join(' ', Enumerable.Repeat("transport", 30));

        var slug = Slug.From(title);

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.Equal(string.Join('-', Enumerable.Repeat("transport", 10)), slug);
    }

    [Fact]
    public void WordCrossingTheLimitIsDropped()
    {
        // 20 five-letter words joined by hyphens: the 17th word ends at character 101.
        var title = string.Join(' ', Enumerable.Repeat("abcde", 20));

        var slug = Slug.From(title);

        Assert.Equal(string.Join('-', Enumerable.Repeat("abcde", 16)), slug);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void WordEndingAtTheLimitIsKept()
    {
        var title = new string('a', 50) + " " + new string('b', 49) + " tail";

        Assert.Equal(new string('a', 50) + "-" + new string('b', 49), Slug.From(title));
    }

    [Fact]
    public void OneVeryLongWordIsCutAtTheLimit()
    {
        var slug = Slug.From(new string('x', 500));

        Assert.Equal(new string('x', Slug.MaxLength), slug);
    }

    [Fact]
    public void ShortWordBeforeAVeryLongOneDoesNotBecomeTheWholeSlug()
    {
        var slug = Slug.From("ab " + new string('w', 200));

        Assert.Equal("ab-" + new string('w', Slug.MaxLength - 3), slug);
    }

    [Theory]
    [InlineData("Crème brûlée, São Paulo & Straße!")]
    [InlineData("x")]
    [InlineData("A title — with every kind of punctuation: (yes) [really] {really}!")]
    public void SlugHasOnlyLowerCaseLettersDigitsAndInnerSingleHyphens(string text)
    {
        var slug = Slug.From(text);

        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", slug);
    }
}
