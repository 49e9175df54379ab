using NewsReader.Stories;

namespace NewsReader.Tests.Stories;

public class TextMeasureTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void TitleAndBodyWordsAreCounted()
    {
        var measure = _renderer.Measure("Tram line opens", "The first tram left at six.\n\nRiders cheered.");

        Assert.Equal(new TextMeasure(3 + 6 + 2, 0, 0), measure);
    }

    [Fact]
    public void EmptyBodyCountsTheTitleOnly()
    {
        Assert.Equal(new TextMeasure(2, 0, 0), _renderer.Measure("Short title", ""));
    }

    [Fact]
    public void EmptyStoryCountsNothing()
    {
        Assert.Equal(new TextMeasure(0, 0, 0), _renderer.Measure("", ""));
    }

    [Theory]
    [InlineData("# Heading", 1)]
    [InlineData("###### Small heading ######", 2)]
    [InlineData("Heading\n=======", 1)]
    [InlineData("**bold** and *em* and ~~gone~~", 5)]
    [InlineData("- item\n- other item", 3)]
    [InlineData("1. first\n2. second", 2)]
    [InlineData("* [x] done\n* [ ] to do", 3)]
    [InlineData("[text](http://x)", 1)]
    [InlineData("[link text](https://example.org/a/long/path \"a title\")", 2)]
    [InlineData("> quote", 1)]
    [InlineData("> > nested quote", 2)]
    [InlineData("---", 0)]
    [InlineData("***\n\n___", 0)]
    [InlineData("line one  \nline two", 4)]
    [InlineData("a\\*b", 1)]
    [InlineData("| a | b |\n|---|---|\n| c | d |", 4)]
    public void MarkdownSyntaxIsNotCountedAsWords(string body, int expectedWords)
    {
        Assert.Equal(expectedWords, _renderer.Measure("", body).Words);
    }

    [Fact]
    public void WordsOnEitherSideOfAnEmphasisMarkerStayOneWord()
    {
        // Shown as "unbelievable": one word.
        Assert.Equal(1, _renderer.Measure("", "un**believ**able").Words);
    }

    [Fact]
    public void WordsOfDifferentBlocksNeverRunTogether()
    {
        Assert.Equal(4, _renderer.Measure("", "# One\nTwo\n\n- Three\n- Four").Words);
    }

    [Fact]
    public void CodeCountsAsText()
    {
        const string body = "Call `Open(4)` first.\n\n```csharp\nvar tram = Open(4);\nreturn tram;\n```\n\n    indented code block";

        // Call, Open(4), first. + var, tram, Open(4);, return, tram; + indented, code, block
        Assert.Equal(11, _renderer.Measure("", body).Words);
    }

    [Fact]
    public void LinkTextCountsButNotTheUrl()
    {
        var measure = _renderer.Measure("", "See [the timetable](https://example.org/a-very-long-url-with-many-words-in-it).");

        Assert.Equal(3, measure.Words);
    }

    [Fact]
    public void ReferenceLinkCountsItsTextOnly()
    {
        var measure = _renderer.Measure("", "See [the timetable][t].\n\n[t]: https://example.org/timetable \"Timetable title\"");

        Assert.Equal(3, measure.Words);
    }

    [Fact]
    public void AutolinkCountsAsOneWord()
    {
        Assert.Equal(2, _renderer.Measure("", "Visit <https://example.org/tram>").Words);
        Assert.Equal(2, _renderer.Measure("", "Visit www.example.org").Words);
    }

    [Fact]
    public void ImageAltTextIsNotCounted()
    {
        var measure = _renderer.Measure("", "![A tram at the harbour in the evening](tram.jpg)");

        Assert.Equal(new TextMeasure(0, 0, 1), measure);
    }

    [Fact]
    public void InlineAndReferenceImagesAreCounted()
    {
        const string body = "![one](a.jpg) text ![two][b] and [![three](c.jpg)](https://example.org)\n\n[b]: b.jpg";

        var measure = _renderer.Measure("", body);

        Assert.Equal(3, measure.Images);
        Assert.Equal(2, measure.Words);
    }

    [Fact]
    public void ImagesInsideListsQuotesAndTablesAreCounted()
    {
        const string body = "- ![a](a.jpg)\n\n> ![b](b.jpg)\n\n| x |\n|---|\n| ![c](c.jpg) |\n\n^^^\n![d](d.jpg)\n^^^ Caption";

        var measure = _renderer.Measure("", body);

        Assert.Equal(4, measure.Images);
        Assert.Equal(2, measure.Words); // "x" and "Caption"
    }

    [Fact]
    public void ImageWithAForbiddenUrlIsShownAsTextSoItsAltTextCounts()
    {
        var measure = _renderer.Measure("", "![alt words](javascript:alert(1))");

        Assert.Equal(new TextMeasure(2, 0, 0), measure);
    }

    [Fact]
    public void EntitiesCountAsTheCharactersTheyStandFor()
    {
        Assert.Equal(3, _renderer.Measure("", "Fish &amp; chips &mdash; &#x41;BC").Words);
    }

    [Fact]
    public void TokensWithoutLettersOrDigitsAreNotWords()
    {
        Assert.Equal(2, _renderer.Measure("", "Trams — buses … ! ?? (").Words);
    }

    [Fact]
    public void DigitsMakeAWord()
    {
        Assert.Equal(3, _renderer.Measure("", "In 2026 (12%)").Words);
    }

    [Fact]
    public void HanCharactersCountOneByOneAndAreNotWords()
    {
        Assert.Equal(new TextMeasure(0, 4, 0), _renderer.Measure("", "東京の駅"));
    }

    [Fact]
    public void HiraganaKatakanaAndHangulCountAsCjkCharacters()
    {
        Assert.Equal(new TextMeasure(0, 3 + 4 + 3, 0), _renderer.Measure("", "ひらが カタカナ 한국어"));
    }

    [Fact]
    public void MixedTokenCountsCjkCharactersAndOneWord()
    {
        Assert.Equal(new TextMeasure(1, 2, 0), _renderer.Measure("", "東京tower"));
    }

    [Fact]
    public void CjkPunctuationIsNeitherAWordNorACharacter()
    {
        Assert.Equal(new TextMeasure(0, 3, 0), _renderer.Measure("", "「東京」、駅。"));
    }

    [Fact]
    public void CjkInTheTitleIsCountedToo()
    {
        Assert.Equal(new TextMeasure(1, 2, 0), _renderer.Measure("東京 news", ""));
    }

    [Fact]
    public void HanOutsideTheBasicPlaneIsOneCharacter()
    {
        // U+20BB7, written as a surrogate pair.
        Assert.Equal(new TextMeasure(0, 1, 0), _renderer.Measure("", "𠮷"));
    }

    [Fact]
    public void OtherScriptsCountAsWords()
    {
        Assert.Equal(5, _renderer.Measure("", "Привет мир Γειά σου κόσμε").Words);
    }

    [Fact]
    public void RawHtmlIsTextAndItsWordsCount()
    {
        // Raw HTML is shown as text, so it is read as text.
        Assert.Equal(2, _renderer.Measure("", "<b>bold</b> text").Words);
    }

    [Fact]
    public void FootnotesCountButTheirMarkersDoNot()
    {
        Assert.Equal(3, _renderer.Measure("", "Claim[^1].\n\n[^1]: A source.").Words);
    }

    [Fact]
    public void BodyMarkdigCannotParseIsCountedAsRawText()
    {
        var body = new string('>', 50_000) + " deep words";

        var measure = _renderer.Measure("Title", body);

        Assert.Equal(new TextMeasure(3, 0, 0), measure);
    }

    [Fact]
    public void GeneratedStoryHasExactlyTheWordsItWasBuiltWith()
    {
        var (title, body) = ReadTimeTests.StoryOf(300);

        var html = _renderer.ToSafeHtml(body);
        var measure = _renderer.Measure(title, body);

        Assert.Equal(300, measure.Words);
        Assert.Equal(0, measure.Images);
        Assert.DoesNotContain("<img", html);
    }
}
