using NewsReader.Media;

namespace NewsReader.Tests.Media;

public sealed class MediaUrlsTests
{
    private static readonly string Hash = new('a', 64);

    private static MediaPicture Picture(string alt = "A tram at the depot", params int[] widths) =>
        new(Hash, 2000, 1500, alt, widths.Length == 0 ? [480, 960, 1600] : widths, "jpg", Ready: true);

    [Theory]
    [InlineData("-480.webp", 480, "webp")]
    [InlineData("-1600.jpg", 1600, "jpg")]
    [InlineData("-960.png", 960, "png")]
    public void AServedFileNameGivesItsHashWidthAndFormat(string tail, int width, string extension)
    {
        Assert.True(MediaUrls.TryParseFileName(Hash + tail, out var hash, out var parsedWidth, out var parsedExtension));
        Assert.Equal((Hash, width, extension), (hash, parsedWidth, parsedExtension));
    }

    [Theory]
    [InlineData("-0.jpg")] // the original has no URL
    [InlineData("-480.gif")]
    [InlineData("-480.webp.exe")]
    [InlineData("-480")]
    [InlineData("-99999999.webp")]
    public void NothingElseIsAServedFileName(string tail) =>
        Assert.False(MediaUrls.TryParseFileName(Hash + tail, out _, out _, out _));

    [Fact]
    public void AnUppercaseOrShortHashIsNotOne()
    {
        Assert.False(MediaUrls.TryParseFileName(new string('A', 64) + "-480.webp", out _, out _, out _));
        Assert.False(MediaUrls.TryParseFileName(new string('a', 63) + "-480.webp", out _, out _, out _));
    }

    [Theory]
    [InlineData("/media/{0}-1600.webp")]
    [InlineData("https://news.example.org/media/{0}-480.jpg")]
    [InlineData("  /media/{0}-960.png ")]
    public void ALibraryUrlNamesItsPicture(string url) => Assert.Equal(Hash, MediaUrls.HashOf(string.Format(null, url, Hash)));

    [Theory]
    [InlineData("/images/articles/tram.svg")]
    [InlineData("https://example.org/photo.jpg")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherUrlsNameNoPicture(string? url) => Assert.Null(MediaUrls.HashOf(url));

    [Fact]
    public void EveryLibraryPictureOfABodyIsFoundOnce()
    {
        var other = new string('b', 64);
        var body = $"![Tram](/media/{Hash}-1600.webp)\n\nText /media/ and ![Again](/media/{Hash}-480.webp) <img src=\"/media/{other}-960.jpg\">";
        Assert.Equal([Hash, other], MediaUrls.HashesIn(body).Order());
    }

    [Fact]
    public void PictureMarkupOffersEverySizeInBothFormatsWithItsDimensionsAndAlt()
    {
        var html = MediaUrls.PictureHtml(Picture(), "Trams \"at\" <dawn>", "100vw");

        Assert.Contains($"<source type=\"image/webp\" srcset=\"/media/{Hash}-480.webp 480w, /media/{Hash}-960.webp 960w, /media/{Hash}-1600.webp 1600w\"", html);
        Assert.Contains($"src=\"/media/{Hash}-960.jpg\"", html);
        Assert.Contains($"srcset=\"/media/{Hash}-480.jpg 480w, /media/{Hash}-960.jpg 960w, /media/{Hash}-1600.jpg 1600w\"", html);
        Assert.Contains("width=\"1600\" height=\"1200\"", html);
        Assert.Contains("alt=\"Trams &quot;at&quot; &lt;dawn&gt;\"", html);
        Assert.Contains("loading=\"lazy\" decoding=\"async\"", html);
    }

    [Fact]
    public void ALeadPictureLoadsFirstNotLazily()
    {
        var html = MediaUrls.PictureHtml(Picture(), "A tram", "100vw", eager: true);
        Assert.Contains("loading=\"eager\" fetchpriority=\"high\"", html);
        Assert.DoesNotContain("lazy", html);
    }

    [Fact]
    public void ASmallPictureFallsBackToItsOwnWidth()
    {
        var html = MediaUrls.PictureHtml(Picture("Small", 480, 700), "Small", "100vw");
        Assert.Contains($"src=\"/media/{Hash}-700.jpg\"", html);
        Assert.Contains("width=\"700\" height=\"525\"", html);
    }
}
