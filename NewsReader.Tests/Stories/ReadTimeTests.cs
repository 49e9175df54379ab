using System.Text;
using NewsReader.Stories;

namespace NewsReader.Tests.Stories;

public class ReadTimeTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void ExampleOf869WordsReadsFourMinutesTwentyOneSeconds()
    {
        var (title, body) = StoryOf(869);

        var measure = _renderer.Measure(title, body);
        var readTime = ReadTime.From(measure, 200);

        Assert.Equal(new TextMeasure(869, 0, 0), measure);
        Assert.Equal(261, readTime.TotalSeconds);
        Assert.Equal("4 minutes, 21 seconds", readTime.LongLabel);
        Assert.Equal("PT4M21S", readTime.IsoDuration);
        Assert.Equal("4 min read", readTime.ShortLabel);
    }

    [Theory]
    [InlineData(261, "4 minutes, 21 seconds")]
    [InlineData(61, "1 minute, 1 second")]
    [InlineData(62, "1 minute, 2 seconds")]
    [InlineData(121, "2 minutes, 1 second")]
    [InlineData(45, "45 seconds")]
    [InlineData(1, "1 second")]
    [InlineData(180, "3 minutes")]
    [InlineData(60, "1 minute")]
    [InlineData(4502, "75 minutes, 2 seconds")]
    public void LongLabelGetsPluralsRight(int seconds, string expected)
    {
        Assert.Equal(expected, new ReadTime(seconds).LongLabel);
    }

    [Theory]
    [InlineData(261, "PT4M21S")]
    [InlineData(45, "PT45S")]
    [InlineData(180, "PT3M")]
    [InlineData(3723, "PT1H2M3S")]
    [InlineData(3600, "PT1H")]
    [InlineData(3605, "PT1H5S")]
    [InlineData(1, "PT1S")]
    public void IsoDurationHasOnlyTheUnitsThatAreThere(int seconds, string expected)
    {
        Assert.Equal(expected, new ReadTime(seconds).IsoDuration);
    }

    [Theory]
    [InlineData(1, "1 min read")]
    [InlineData(29, "1 min read")]
    [InlineData(89, "1 min read")]
    [InlineData(90, "2 min read")]
    [InlineData(261, "4 min read")]
    [InlineData(270, "5 min read")]
    [InlineData(4502, "75 min read")]
    public void ShortLabelRoundsMinutesAndShowsAtLeastOne(int seconds, string expected)
    {
        Assert.Equal(expected, new ReadTime(seconds).ShortLabel);
    }

    [Fact]
    public void UnsetReadTimeStillHasSensibleLabels()
    {
        var readTime = default(ReadTime);

        Assert.Equal("PT0S", readTime.IsoDuration);
        Assert.Equal("0 seconds", readTime.LongLabel);
        Assert.Equal("1 min read", readTime.ShortLabel);
    }

    [Fact]
    public void StoryUnderAMinuteShowsSecondsOnly()
    {
        var readTime = ReadTime.From(new TextMeasure(150, 0, 0), 200);

        Assert.Equal(45, readTime.TotalSeconds);
        Assert.Equal("45 seconds", readTime.LongLabel);
        Assert.Equal("PT45S", readTime.IsoDuration);
        Assert.Equal("1 min read", readTime.ShortLabel);
    }

    [Fact]
    public void StoryOfWholeMinutesShowsMinutesOnly()
    {
        var readTime = ReadTime.From(new TextMeasure(600, 0, 0), 200);

        Assert.Equal(180, readTime.TotalSeconds);
        Assert.Equal("3 minutes", readTime.LongLabel);
        Assert.Equal("PT3M", readTime.IsoDuration);
        Assert.Equal("3 min read", readTime.ShortLabel);
    }

    [Fact]
    public void FiveHundredCjkCharactersTakeAMinute()
    {
        Assert.Equal(60, ReadTime.From(new TextMeasure(0, 500, 0), 200).TotalSeconds);
    }

    [Fact]
    public void CjkCharactersAreReadAtTheSameSpeedWhateverTheWordSpeed()
    {
        Assert.Equal(60, ReadTime.From(new TextMeasure(0, 500, 0), 100).TotalSeconds);
    }

    [Fact]
    public void FiveHundredHanCharactersInABodyTakeAMinute()
    {
        var body = new string('字', 500);

        var readTime = ReadTime.From(_renderer.Measure("", body), 200);

        Assert.Equal(60, readTime.TotalSeconds);
        Assert.Equal("1 minute", readTime.LongLabel);
    }

    [Theory]
    [InlineData(1, 12)]
    [InlineData(2, 23)]
    [InlineData(3, 33)]
    [InlineData(10, 12 + 11 + 10 + 9 + 8 + 7 + 6 + 5 + 4 + 3)]
    [InlineData(11, 75 + 3)]
    [InlineData(12, 75 + 3 + 3)]
    [InlineData(20, 75 + (10 * 3))]
    public void ImagesAddTwelveSecondsDownToThreeFromTheTenth(int images, int expectedSeconds)
    {
        Assert.Equal(expectedSeconds, ReadTime.From(new TextMeasure(0, 0, images), 200).TotalSeconds);
    }

    [Fact]
    public void ImagesAddToTheTimeOfTheWords()
    {
        // 200 words at 200 a minute, plus two images.
        Assert.Equal(60 + 12 + 11, ReadTime.From(new TextMeasure(200, 0, 2), 200).TotalSeconds);
    }

    [Fact]
    public void WordsCjkAndImagesAddUp()
    {
        // 100 words = 30 s, 250 characters = 30 s, one image = 12 s.
        Assert.Equal(72, ReadTime.From(new TextMeasure(100, 250, 1), 200).TotalSeconds);
    }

    [Fact]
    public void EmptyStoryTakesAtLeastOneSecond()
    {
        Assert.Equal(1, ReadTime.From(new TextMeasure(0, 0, 0), 200).TotalSeconds);
    }

    [Fact]
    public void TitleOnlyTakesAtLeastOneSecond()
    {
        var readTime = ReadTime.From(_renderer.Measure("Short", ""), 200);

        Assert.Equal(1, readTime.TotalSeconds);
        Assert.Equal("1 second", readTime.LongLabel);
        Assert.Equal("PT1S", readTime.IsoDuration);
    }

    [Fact]
    public void HalfSecondsRoundAwayFromZero()
    {
        // 5 words at 120 a minute = 2.5 s: 3 s, not the 2 s that banker's rounding would give.
        Assert.Equal(3, ReadTime.From(new TextMeasure(5, 0, 0), 120).TotalSeconds);
        // 869 words at 200 a minute = 260.7 s.
        Assert.Equal(261, ReadTime.From(new TextMeasure(869, 0, 0), 200).TotalSeconds);
        // 868 words = 260.4 s.
        Assert.Equal(260, ReadTime.From(new TextMeasure(868, 0, 0), 200).TotalSeconds);
    }

    [Fact]
    public void HalfSecondFromWordsAndCharactersTogetherRoundsUp()
    {
        // 1 word at 120 a minute = 0.5 s, 25 characters at 500 a minute = 3 s: 3.5 s.
        Assert.Equal(4, ReadTime.From(new TextMeasure(1, 25, 0), 120).TotalSeconds);
    }

    [Fact]
    public void ConfiguredSpeedChangesTheTime()
    {
        var measure = new TextMeasure(869, 0, 0);

        var atDefault = ReadTime.From(measure, 200);
        var atHalfSpeed = ReadTime.From(measure, 100);

        Assert.Equal(521, atHalfSpeed.TotalSeconds);
        Assert.Equal("8 minutes, 41 seconds", atHalfSpeed.LongLabel);
        Assert.True(Math.Abs(atHalfSpeed.TotalSeconds - (2 * atDefault.TotalSeconds)) <= 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-200)]
    public void SpeedMustBePositive(int wordsPerMinute)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadTime.From(new TextMeasure(10, 0, 0), wordsPerMinute));
    }

    [Fact]
    public void HugeCountsDoNotOverflow()
    {
        var readTime = ReadTime.From(new TextMeasure(int.MaxValue, int.MaxValue, int.MaxValue), 1);

        Assert.Equal(int.MaxValue, readTime.TotalSeconds);
    }

    /// <summary>
    /// A title and a Markdown body that use the usual syntax, with exactly <paramref name="totalWords"/>
    /// words in all; the count of every fixed part is written beside it.
    /// </summary>
    internal static (string Title, string Body) StoryOf(int totalWords)
    {
        const string title = "Tram line 4 opens to passengers"; // 6
        (string Markdown, int Words)[] parts =
        [
            ("## A new line for the city", 6),
            ("The **first tram** left the depot at *six o'clock*, on time.", 11),
            ("- Riders: [about two thousand](https://example.org/riders)\n- Stops: 14\n- [ ] Night service", 8),
            ("1. Depot\n2. Harbour — with a view", 5),
            ("> It is quieter than the bus.", 6),
            ("---", 0),
            ("Fares are `€2.50` or `free` for children.", 7),
            ("```csharp\nvar tram = Open(4);\n```", 3),
            ("| Stop | Minutes |\n|---|---:|\n| Depot | 0 |\n| Harbour | 12 |", 6),
        ];
        var words = 6 + parts.Sum(part => part.Words);
        var body = new StringBuilder();
        foreach (var (markdown, _) in parts)
        {
            body.Append(markdown).Append("\n\n");
        }

        string[] filler = ["the", "city", "opened", "its", "new", "tram", "line", "today", "and", "riders", "came", "early"];
        var inParagraph = 0;
        for (var i = 0; words < totalWords; i++, words++, inParagraph++)
        {
            if (inParagraph == 60)
            {
                body.Append(".\n\n");
                inParagraph = 0;
            }
            else if (inParagraph > 0)
            {
                body.Append(' ');
            }

            body.Append(filler[i % filler.Length]);
        }

        body.Append(".\n");
        return (title, body.ToString());
    }
}
