using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using NewsReader.Media;

namespace NewsReader.Tests.Media;

[Collection(MediaTestGroup.Name)]
public sealed class ImageInspectorTests
{
    private readonly ImageInspector _inspector = new(new ImageLimits());

    public static TheoryData<string, ImageFormat, string> AcceptedFormats => new()
    {
        { "photo.jpg", ImageFormat.Jpeg, "image/jpeg" },
        { "photo.png", ImageFormat.Png, "image/png" },
        { "photo.webp", ImageFormat.Webp, "image/webp" },
        { "photo.gif", ImageFormat.Gif, "image/gif" },
        { "photo.avif", ImageFormat.Avif, "image/avif" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFormats))]
    public void Accepts_every_supported_format_with_its_size_and_hash(string fileName, ImageFormat format, string contentType)
    {
        var bytes = Make(format, 320, 200);

        var inspection = _inspector.Inspect(bytes, fileName);

        Assert.True(inspection.Accepted, inspection.Refusal?.Message);
        Assert.Equal(format, inspection.Image.Format);
        Assert.Equal(contentType, inspection.Image.ContentType);
        Assert.Equal((320, 200), (inspection.Image.Width, inspection.Image.Height));
        Assert.Equal(bytes.Length, inspection.Image.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inspection.Image.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", inspection.Image.Sha256);
    }

    [Fact]
    public void A_png_named_jpg_is_accepted_as_png()
    {
        var inspection = _inspector.Inspect(TestImages.Png(64, 48), "holiday.jpg");

        Assert.True(inspection.Accepted);
        Assert.Equal(ImageFormat.Png, inspection.Image.Format);
    }

    [Fact]
    public void A_text_file_named_jpg_is_refused_as_not_an_image()
    {
        var inspection = _inspector.Inspect(Encoding.UTF8.GetBytes("Dear editor, here is my photo.\n"), "photo.jpg");

        Assert.False(inspection.Accepted);
        Assert.Equal(RefusalReason.NotAnImage, inspection.Refusal.Reason);
        Assert.Contains("photo.jpg", inspection.Refusal.Message);
        Assert.Contains("JPEG, PNG, WebP, GIF or AVIF", inspection.Refusal.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var inspection = _inspector.Inspect(ReadOnlyMemory<byte>.Empty, "empty.png");

        Assert.Equal(RefusalReason.Empty, inspection.Refusal?.Reason);
    }

    [Fact]
    public void Svg_is_refused_as_unsupported_never_parsed()
    {
        var svg = Encoding.UTF8.GetBytes(
            "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='100'><script>alert(1)</script><rect width='10' height='10'/></svg>");

        var inspection = _inspector.Inspect(svg, "logo.jpg");

        Assert.Equal(RefusalReason.UnsupportedFormat, inspection.Refusal?.Reason);
        Assert.Contains("SVG", inspection.Refusal!.Message);
    }

    [Fact]
    public void Tiff_is_refused_as_unsupported()
    {
        var inspection = _inspector.Inspect(TestImages.Tiff(64, 48), "scan.jpg");

        Assert.Equal(RefusalReason.UnsupportedFormat, inspection.Refusal?.Reason);
        Assert.Contains("TIFF", inspection.Refusal!.Message);
    }

    [Fact]
    public void Bmp_and_a_pdf_renamed_jpg_are_refused_as_unsupported_by_name()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        var bmp = _inspector.Inspect(TestImages.Bmp(), "old.jpg");
        var brochure = _inspector.Inspect(pdf, "brochure.jpg");

        Assert.Equal(RefusalReason.UnsupportedFormat, bmp.Refusal?.Reason);
        Assert.Contains("is a BMP file", bmp.Refusal!.Message);
        Assert.Equal(RefusalReason.UnsupportedFormat, brochure.Refusal?.Reason);
        Assert.Contains("is a PDF file", brochure.Refusal!.Message);
    }

    [Fact]
    public void A_truncated_jpeg_is_refused_as_damaged()
    {
        var jpeg = TestImages.Jpeg(800, 600);

        var inspection = _inspector.Inspect(jpeg.AsMemory(0, jpeg.Length * 6 / 10), "cut.jpg");

        Assert.Equal(RefusalReason.Corrupt, inspection.Refusal?.Reason);
        Assert.Contains("damaged or incomplete", inspection.Refusal!.Message);
    }

    [Fact]
    public void A_truncated_png_is_refused_as_damaged()
    {
        var png = TestImages.Png(800, 600);

        var inspection = _inspector.Inspect(png.AsMemory(0, png.Length / 2), "cut.png");

        Assert.Equal(RefusalReason.Corrupt, inspection.Refusal?.Reason);
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header_quickly_and_without_memory()
    {
        var bomb = TestImages.PngBomb(50_000, 50_000);
        Assert.True(bomb.Length < 2_000, $"the bomb is {bomb.Length} bytes");
        _inspector.Inspect(TestImages.Png(16, 16), "warm-up.png");

        var measured = PeakMemory.TryReset();
        var before = PeakMemory.ResidentBytes();
        var clock = Stopwatch.StartNew();
        var inspection = _inspector.Inspect(bomb, "tiny.png");
        clock.Stop();
        var grown = PeakMemory.HighWaterBytes() - before;

        Assert.Equal(RefusalReason.TooManyPixels, inspection.Refusal?.Reason);
        Assert.Contains("50,000 × 50,000", inspection.Refusal!.Message);
        Assert.Contains("2500 megapixels", inspection.Refusal.Message);
        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
        if (measured)
        {
            Assert.True(grown < 32L * 1024 * 1024, $"peak resident memory grew by {grown / 1024 / 1024} MB");
        }
    }

    [Fact]
    public void A_real_picture_over_50_megapixels_is_refused()
    {
        using var black = NetVips.Image.Black(8200, 6200); // 50.8 megapixels
        var jpeg = black.JpegsaveBuffer(q: 50);

        var inspection = _inspector.Inspect(jpeg, "panorama.jpg");

        Assert.Equal(RefusalReason.TooManyPixels, inspection.Refusal?.Reason);
    }

    [Fact]
    public void Limits_are_options()
    {
        var strict = new ImageInspector(new ImageLimits { MaxBytes = 100_000, MaxPixels = 10_000 });

        Assert.Equal(RefusalReason.TooManyPixels, strict.Inspect(TestImages.Png(101, 100), "a.png").Refusal?.Reason);
        Assert.True(strict.Inspect(TestImages.Png(100, 100), "b.png").Accepted);
    }

    [Fact]
    public void Over_20_MB_is_refused_before_anything_is_decoded()
    {
        var big = new byte[20 * 1024 * 1024 + 1];
        TestImages.Png(16, 16).CopyTo(big, 0);

        var inspection = _inspector.Inspect(big, "huge.png");

        Assert.Equal(RefusalReason.TooLarge, inspection.Refusal?.Reason);
        Assert.Contains("20 MB", inspection.Refusal!.Message);
    }

    [Fact]
    public async Task An_upload_stream_over_20_MB_is_not_read_to_its_end()
    {
        using var endless = new CountingStream(100L * 1024 * 1024);

        var inspection = await _inspector.InspectAsync(endless, "huge.jpg");

        Assert.Equal(RefusalReason.TooLarge, inspection.Refusal?.Reason);
        Assert.True(endless.BytesRead < 21L * 1024 * 1024, $"read {endless.BytesRead} bytes");
    }

    [Fact]
    public async Task An_upload_stream_is_inspected_like_bytes()
    {
        var png = TestImages.Png(120, 80);
        using var stream = new MemoryStream(png);

        var inspection = await _inspector.InspectAsync(stream, "photo.png");

        Assert.True(inspection.Accepted);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), inspection.Image.Sha256);
    }

    [Fact]
    public void Orientation_6_swaps_width_and_height()
    {
        var inspection = _inspector.Inspect(TestImages.JpegWithExif(300, 200, orientation: 6), "sideways.jpg");

        Assert.True(inspection.Accepted);
        Assert.Equal((200, 300), (inspection.Image.Width, inspection.Image.Height));
    }

    [Fact]
    public void Alpha_and_animation_are_reported()
    {
        var alpha = _inspector.Inspect(TestImages.PngWithAlpha(50, 40), "logo.png");
        var animated = _inspector.Inspect(TestImages.AnimatedGif(60, 40, frames: 3), "dance.gif");

        Assert.True(alpha.Image?.HasAlpha);
        Assert.True(animated.Image?.IsAnimated);
        Assert.Equal(3, animated.Image!.Pages);
        Assert.Equal((60, 40), (animated.Image.Width, animated.Image.Height));
    }

    private static byte[] Make(ImageFormat format, int width, int height) => format switch
    {
        ImageFormat.Jpeg => TestImages.Jpeg(width, height),
        ImageFormat.Png => TestImages.Png(width, height),
        ImageFormat.Webp => TestImages.Webp(width, height),
        ImageFormat.Gif => TestImages.Gif(width, height),
        ImageFormat.Avif => TestImages.Avif(width, height),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>A stream of zeros that counts how much was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            Array.Clear(buffer, offset, n);
            BytesRead += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>This process's resident memory from /proc (Linux), including native allocations.</summary>
internal static class PeakMemory
{
    /// <summary>Resets the kernel's peak-RSS mark (VmHWM); false where that is not possible.</summary>
    public static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long HighWaterBytes() => Field("VmHWM:");

    public static long ResidentBytes() => Field("VmRSS:");

    private static long Field(string name)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[name.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
