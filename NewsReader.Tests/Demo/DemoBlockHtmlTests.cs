using NewsReader.Demo;
using NewsReader.Stories;

namespace NewsReader.Tests.Demo;

/// <summary>
/// seed-demo stores each generated body's HTML composed from its blocks' HTML, rendered once per
/// block: what a reader gets must be exactly what the site's renderer makes of the whole body.
/// </summary>
public class DemoBlockHtmlTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public void ComposedHtmlIsWhatTheRendererMakesOfTheWholeBody(int seed)
    {
        var generator = new DemoStoryGenerator(seed);
        var blockHtml = new BlockHtml(_renderer);
        var newest = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

        var stories = Enumerable.Range(1, 400).Select(n => generator.NextWithBlocks(n, newest)).ToList();

        foreach (var (input, blocks) in stories)
        {
            Assert.Equal(_renderer.ToSafeHtml(input.Body), blockHtml.Compose(blocks));
        }
        // Every body has its heading, so the heading's id is part of what is compared.
        Assert.All(stories, s => Assert.Contains("<h2 id=", blockHtml.Compose(s.Blocks), StringComparison.Ordinal));
    }

    [Fact]
    public void MeasuringManyStoriesGivesWhatMeasuringEachGives()
    {
        var generator = new DemoStoryGenerator(3);
        var newest = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
        var stories = Enumerable.Range(1, 50).Select(n => generator.Next(n, newest)).Select(s => (s.Title, s.Body)).ToList();
        stories.Add(("CJK", "東京の路面電車は新しい車両を導入した。"));
        stories.Add(("Image", "![A tram](/images/tram.svg)\n\nWords."));

        var measured = _renderer.MeasureAll(stories);

        Assert.Equal(stories.Select(s => _renderer.Measure(s.Title, s.Body)), measured);
    }

    [Fact]
    public void StoriesDrawnFromThePoolsStillDifferFromEachOther()
    {
        var generator = new DemoStoryGenerator(42);
        var newest = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

        var bodies = Enumerable.Range(1, 2000).Select(n => generator.Next(n, newest).Body).ToList();

        Assert.True(bodies.Distinct().Count() >= 1990);
    }
}
