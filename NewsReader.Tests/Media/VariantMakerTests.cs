using System.Diagnostics;
using NetVips;
using NewsReader.Media;
using Xunit.Abstractions;

namespace NewsReader.Tests.Media;

[Collection(MediaTestGroup.Name)]
public sealed class VariantMakerTests(ITestOutputHelper output)
{
    private readonly ImageInspector _inspector = new(new ImageLimits());
    private readonly VariantMaker _maker = new();

    [Theory]
    [InlineData(6000, new[] { 480, 960, 1600 })]
    [InlineData(1600, new[] { 480, 960, 1600 })]
    [InlineData(1200, new[] { 480, 960, 1200 })]
    [InlineData(960, new[] { 480, 960 })]
    [InlineData(700, new[] { 480, 700 })]
    [InlineData(480, new[] { 480 })]
    [InlineData(300, new[] { 300 })]
    public void Plans_the_fixed_widths_it_can_fill_and_its_own_width_below_the_largest(int width, int[] expected)
    {
        Assert.Equal(expected, VariantMaker.PlanWidths(width));
    }

    [Fact]
    public void Makes_webp_and_jpeg_at_each_width_keeping_the_proportions()
    {
        var (bytes, image) = Inspect(TestImages.Jpeg(2000, 1500), "photo.jpg");

        var variants = _maker.Make(bytes, image);

        Assert.Equal(
            [(480, 360, "image/webp"), (480, 360, "image/jpeg"), (960, 720, "image/webp"), (960, 720, "image/jpeg"), (1600, 1200, "image/webp"), (1600, 1200, "image/jpeg")],
            variants.Select(v => (v.Width, v.Height, v.ContentType)));
        foreach (var variant in variants)
        {
            using var decoded = Image.NewFromBuffer(variant.Content.ToArray());
            Assert.Equal((variant.Width, variant.Height), (decoded.Width, decoded.Height));
            Assert.Equal(variant.ContentType == "image/webp" ? "webpload_buffer" : "jpegload_buffer", decoded.Get("vips-loader"));
        }
    }

    [Fact]
    public void Never_upscales_a_small_picture()
    {
        var (bytes, image) = Inspect(TestImages.Png(300, 200), "small.png");

        var variants = _maker.Make(bytes, image);

        Assert.All(variants, v => Assert.Equal((300, 200), (v.Width, v.Height)));
        Assert.Equal(["image/webp", "image/jpeg"], variants.Select(v => v.ContentType));
    }

    [Fact]
    public void A_picture_with_transparency_falls_back_to_png_and_keeps_it()
    {
        var (bytes, image) = Inspect(TestImages.PngWithAlpha(600, 400), "logo.png");

        var variants = _maker.Make(bytes, image);

        Assert.Equal(["image/webp", "image/png", "image/webp", "image/png"], variants.Select(v => v.ContentType));
        Assert.All(variants, v =>
        {
            using var decoded = Image.NewFromBuffer(v.Content.ToArray());
            Assert.True(decoded.HasAlpha());
        });
    }

    [Fact]
    public void Orientation_is_applied_and_exif_gps_and_xmp_are_stripped()
    {
        var upload = TestImages.JpegWithExif(600, 400, orientation: 6);
        using (var original = Image.NewFromBuffer(upload))
        {
            Assert.NotEqual(0, original.GetTypeOf("exif-ifd3-GPSLatitude")); // the upload does carry them
        }

        var (bytes, image) = Inspect(upload, "sideways.jpg");
        var variants = _maker.Make(bytes, image);

        Assert.Equal([(400, 600), (400, 600)], variants.Select(v => (v.Width, v.Height)));
        Assert.All(variants, v =>
        {
            using var decoded = Image.NewFromBuffer(v.Content.ToArray());
            var fields = decoded.GetFields();
            Assert.DoesNotContain("exif-data", fields);
            Assert.DoesNotContain(fields, f => f.StartsWith("exif-", StringComparison.Ordinal));
            Assert.DoesNotContain("xmp-data", fields);
            Assert.DoesNotContain("iptc-data", fields);
            Assert.DoesNotContain("icc-profile-data", fields);
            Assert.DoesNotContain("orientation", fields);
        });
    }

    [Fact]
    public void An_animated_gif_gives_its_first_frame()
    {
        var (bytes, image) = Inspect(TestImages.AnimatedGif(500, 300, frames: 3), "dance.gif");

        var variants = _maker.Make(bytes, image);

        Assert.Equal([(480, 288), (480, 288), (500, 300), (500, 300)], variants.Select(v => (v.Width, v.Height)));
        using var webp = Image.NewFromBuffer(variants[0].Content.ToArray());
        Assert.Equal(0, webp.GetTypeOf("n-pages") == 0 ? 0 : (int)webp.Get("n-pages") - 1);
    }

    [Fact]
    public void Reports_progress_per_width()
    {
        var (bytes, image) = Inspect(TestImages.Jpeg(1000, 600), "photo.jpg");
        var reported = new List<int>();

        _maker.Make(bytes, image, new Recorder(reported));

        Assert.Equal([1, 2, 3], reported);
    }

    [Fact]
    public void A_phone_gets_a_480_wide_webp_under_100_KB_from_a_24_megapixel_upload_over_5_MB()
    {
        byte[] upload;
        using (var photo = TestImages.DetailedPhoto(6000, 4000))
        {
            upload = photo.JpegsaveBuffer(q: 92);
        }

        Assert.True(upload.Length >= 5 * 1024 * 1024, $"the upload is only {upload.Length / 1024} KB");
        var (bytes, image) = Inspect(upload, "camera.jpg");

        var clock = Stopwatch.StartNew();
        var variants = _maker.Make(bytes, image);
        clock.Stop();

        var phone = variants.Single(v => v is { Width: 480, ContentType: "image/webp" });
        output.WriteLine($"upload {upload.Length / 1024} KB; variants in {clock.ElapsedMilliseconds} ms: " +
            string.Join(", ", variants.Select(v => $"{v.Width}×{v.Height} {v.ContentType} {v.Content.Length / 1024} KB")));
        Assert.Equal(320, phone.Height);
        Assert.True(phone.Content.Length < 100 * 1024, $"480-wide WebP is {phone.Content.Length / 1024} KB");
    }

    private (byte[] Bytes, InspectedImage Image) Inspect(byte[] bytes, string fileName)
    {
        var inspection = _inspector.Inspect(bytes, fileName);
        Assert.True(inspection.Accepted, inspection.Refusal?.Message);
        return (bytes, inspection.Image);
    }

    private sealed class Recorder(List<int> reported) : IProgress<int>
    {
        public void Report(int value) => reported.Add(value);
    }
}
