using NewsReader.Stories;

namespace NewsReader.Tests.Stories;

/// <summary>Counting plain text, without Markdown (TextMeasureTests count through the Markdown pipeline).</summary>
public sealed class TextCounterTests
{
    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("Trams — buses … ! ?? (", 2, 0)]
    [InlineData("In 2026 (12%)", 3, 0)]
    [InlineData("東京tower", 1, 2)]
    [InlineData("「東京」、駅。", 0, 3)]
    [InlineData("ひらが カタカナ 한국어", 0, 10)]
    [InlineData("𠮷", 0, 1)]
    public void WordsAndCjkCharactersAreCountedApart(string text, int words, int cjkCharacters)
    {
        Assert.Equal((words, cjkCharacters), TextCounter.Count(text));
    }

    [Fact]
    public void AMeasureAddsTheTitleToTheBodyAndKeepsTheImages()
    {
        Assert.Equal(new TextMeasure(1 + 2, 2, 4), TextCounter.Measure("東京 news", "Two words", images: 4));
    }

    [Fact]
    public void ANullTitleCountsAsNoWords()
    {
        Assert.Equal(new TextMeasure(1, 0, 0), TextCounter.Measure(null, "word", images: 0));
    }
}
