using NewsReader.Stories;
using NewsReader.Demo;

namespace NewsReader.Tests.Demo;

/// <summary>
/// Bulk loads render many stories on one worker thread; what they store must be exactly what a
/// story saved on its own gets.
/// </summary>
public class BulkRenderingTests
{
    private readonly MarkdownRenderer _renderer = new();

    private static readonly (string Title, string Markdown)[] Stories =
    [
        ("Plain", "A first paragraph.\n\nA second one with *emphasis* and `code`."),
        ("Heading and image", "## The depot\n\n![A tram](/images/tram.svg)\n\nWords after the image."),
        ("Hostile", "[click](javascript:alert(1)) <script>alert(2)</script> ![x](data:text/html;base64,AAAA)"),
        ("Deep nesting", new string('>', 5000) + " quoted"),
        ("Empty", ""),
        ("CJK", "東京の路面電車は新しい車両を導入した。"),
    ];

    [Fact]
    public void RenderingManyStoriesGivesEachWhatRenderingItAloneGives()
    {
        var bulk = _renderer.RenderAndMeasureAll(Stories);

        Assert.Equal(Stories.Length, bulk.Count);
        for (var i = 0; i < Stories.Length; i++)
        {
            var (title, markdown) = Stories[i];
            Assert.Equal(_renderer.ToSafeHtml(markdown), bulk[i].Html);
            Assert.Equal(_renderer.Measure(title, markdown), bulk[i].Measure);
            Assert.Equal(bulk[i], _renderer.RenderAndMeasure(title, markdown));
        }
    }

    [Fact]
    public void RenderingNoStoriesGivesNothing()
    {
        Assert.Empty(_renderer.RenderAndMeasureAll([]));
    }

    [Fact]
    public void DemoStoriesSpreadOverTopicsCategoriesTagsAndYears()
    {
        var generator = new DemoStoryGenerator(42);
        var newest = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

        var stories = Enumerable.Range(1, 2000).Select(n => generator.Next(n, newest)).ToList();
        var oldest = generator.Next(100_000, newest);

        Assert.Equal(2000, stories.Select(s => s.EffectiveSlug).Distinct().Count());
        Assert.True(stories.SelectMany(s => s.Categories).Distinct().Count() >= 8);
        Assert.True(stories.SelectMany(s => s.Tags).Distinct().Count() >= 60);
        Assert.True(stories.Select(s => Assert.Single(s.Authors)).Distinct().Count() >= 6);
        Assert.True(stories.SelectMany(s => s.Body.Split(' ')).Distinct().Count() >= 140);
        Assert.True(newest - oldest.PublishedAt!.Value > TimeSpan.FromDays(3 * 365));
    }
}
