using NewsReader.Search;

namespace NewsReader.Tests.Search;

public sealed class SearchQueryTests
{
    [Fact]
    public void WordsAreRunsOfLettersAndDigitsInTheOrderTyped()
    {
        var query = SearchQuery.Parse("  Tram line-4, opens!  ");

        Assert.Equal(["Tram", "line", "4", "opens"], query.Words);
        Assert.Equal("Tram line-4, opens!", query.Text);
    }

    [Fact]
    public void EachWordBecomesAQuotedFts5StringJoinedBySpaces()
    {
        var query = SearchQuery.Parse("river flood");

        Assert.Equal("\"river\" \"flood\"", query.ToMatchExpression());
    }

    [Theory]
    [InlineData("\"unbalanced", "\"unbalanced\"")]
    [InlineData("NEAR(tram bridge", "\"NEAR\" \"tram\" \"bridge\"")]
    [InlineData("title:tram OR bus* NOT -x ^y", "\"title\" \"tram\" \"OR\" \"bus\" \"NOT\" \"x\" \"y\"")]
    [InlineData("100% _under_ a%b", "\"100\" \"under\" \"a\" \"b\"")]
    [InlineData("'; DROP TABLE Articles; --", "\"DROP\" \"TABLE\" \"Articles\"")]
    public void FtsSyntaxAndSqlWildcardsAreReadAsPlainWords(string input, string expected)
    {
        Assert.Equal(expected, SearchQuery.Parse(input).ToMatchExpression());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" *** %%% ()")]
    [InlineData("🚋🚋 ✨")]
    public void InputWithoutLettersOrDigitsIsEmpty(string? input)
    {
        Assert.True(SearchQuery.Parse(input).IsEmpty);
    }

    [Fact]
    public void CjkAndAccentedWordsAreKeptWhole()
    {
        var query = SearchQuery.Parse("東京 café हिन्दी");

        Assert.Equal(["東京", "café", "हिन्दी"], query.Words);
    }

    [Fact]
    public void RepeatedWordsAreLookedForOnce()
    {
        Assert.Equal(["tram", "bridge"], SearchQuery.Parse("tram Tram bridge TRAM").Words);
    }

    [Fact]
    public void OnlyTheFirstTwoHundredCharactersAndEightWordsAreRead()
    {
        var longInput = string.Join(' ', Enumerable.Range(1, 5000).Select(i => $"w{i}"));

        var query = SearchQuery.Parse(longInput);

        Assert.Equal(SearchQuery.MaxInputLength, query.Text.Length);
        Assert.Equal(8, query.Words.Count);
        Assert.Equal("w1", query.Words[0]);
    }

    [Fact]
    public void AQueryOfMoreThanEightWordsKeepsTheFirstEightAndSaysItWasCut()
    {
        var query = SearchQuery.Parse("one two three four five six seven eight nine ten");
        var exactlyEight = SearchQuery.Parse("one two three four five six seven eight");

        Assert.Equal(["one", "two", "three", "four", "five", "six", "seven", "eight"], query.Words);
        Assert.Contains("nine", query.Text);
        Assert.Equal(8, exactlyEight.Words.Count);
    }

    [Fact]
    public void CuttingTheInputNeverSplitsAnEmojiInHalf()
    {
        var input = new string('a', SearchQuery.MaxInputLength - 1) + "😀tail";

        var query = SearchQuery.Parse(input);

        Assert.Equal(SearchQuery.MaxInputLength - 1, query.Text.Length);
        Assert.False(char.IsHighSurrogate(query.Text[^1]));
    }
}
