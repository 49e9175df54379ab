using NewsReader.Media;
using NewsReader.Stories;

namespace NewsReader.Tests.Media;

public sealed class StoryPicturesTests
{
    private static readonly string Described = new('d', 64);
    private static readonly string Undescribed = new('u', 64);
    private static readonly MarkdownRenderer Markdown = new();

    private static readonly Dictionary<string, MediaPicture> Library = new()
    {
        [Described] = new(Described, 2000, 1000, "The new tram depot at dawn", [480, 960, 1600], "jpg", Ready: true),
        [Undescribed] = new(Undescribed, 800, 600, "", [480, 800], "png", Ready: true),
    };

    private static IReadOnlyList<string> Missing(string body, string? lead = null) =>
        StoryPictures.MissingAltText(Markdown.ToSafeHtml(body), lead, Library);

    [Fact]
    public void AStoryWhosePicturesAreAllDescribedMissesNothing() =>
        Assert.Empty(Missing($"![](/media/{Described}-1600.webp)\n\n![A chart](https://example.org/chart.png)", $"/media/{Described}-1600.webp"));

    [Fact]
    public void ABodyPictureWithoutAltTextAnywhereIsNamed()
    {
        var missing = Missing($"Words.\n\n![](/media/{Undescribed}-800.webp)\n\n![](https://example.org/chart.png)");

        Assert.Equal(2, missing.Count);
        Assert.Contains($"/media/{Undescribed}-800.webp", missing[0]);
        Assert.Contains("https://example.org/chart.png", missing[1]);
    }

    [Fact]
    public void AltTextInTheMarkdownDescribesALibraryPictureWithoutOne() =>
        Assert.Empty(Missing($"![A cat on the tram](/media/{Undescribed}-800.webp)"));

    [Fact]
    public void ALeadImageFromElsewhereCannotBeDescribedAndSaysHowToFixIt()
    {
        var missing = Assert.Single(Missing("Words.", "https://example.org/lead.jpg"));
        Assert.Contains("upload it to the media library", missing);
    }

    [Fact]
    public void AnUndescribedLibraryLeadImageIsNamed() =>
        Assert.StartsWith("the lead image", Assert.Single(Missing("Words.", $"/media/{Undescribed}-800.webp")));

    [Fact]
    public void LibraryPicturesInABodyGetResponsiveMarkupWithTheLibrarysAltText()
    {
        var html = StoryPictures.WithResponsiveMarkup(
            Markdown.ToSafeHtml($"![](/media/{Described}-1600.webp)\n\n![Chart](https://example.org/chart.png)"), Library);

        Assert.Contains($"<picture><source type=\"image/webp\" srcset=\"/media/{Described}-480.webp 480w", html);
        Assert.Contains("alt=\"The new tram depot at dawn\"", html);
        Assert.Contains("width=\"1600\" height=\"800\"", html);
        Assert.Contains("<img src=\"https://example.org/chart.png\" alt=\"Chart\"", html);
        Assert.Single(html.Split("<picture>").Skip(1));
    }

    [Fact]
    public void AltTextWrittenInTheStoryWinsOverTheLibrarys()
    {
        var html = StoryPictures.WithResponsiveMarkup(Markdown.ToSafeHtml($"![Depot, seen from the river](/media/{Described}-960.webp)"), Library);
        Assert.Contains("alt=\"Depot, seen from the river\"", html);
    }
}
