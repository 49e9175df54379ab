using System.IO.Compression;
using System.Text;
using NetVips;
using NewsReader.Media;

namespace NewsReader.Tests.Media;

/// <summary>Pictures made in code, so no binary fixtures live in the repository.</summary>
internal static class TestImages
{
    static TestImages() => VipsRuntime.EnsureReady();

    /// <summary>Something like a photo: smooth colour gradients with sensor-like noise on top.</summary>
    public static Image Photo(int width, int height, double noise = 12)
    {
        using var xy = Image.Xyz(width, height);
        using var x = xy[0];
        using var y = xy[1];
        using var r = x * (255.0 / width);
        using var g = y * (255.0 / height);
        using var b = (x + y) * (160.0 / (width + height)) + 48;
        using var grain = Image.Gaussnoise(width, height, sigma: noise, mean: 0);
        using var rgb = r.Bandjoin(g, b);
        using var noisy = rgb + grain;
        return noisy.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>
    /// Closer to a real photo for size budgets: detail at every scale (noise octaves from 1/64 of
    /// the size down to single pixels, stronger the coarser, as in natural images), so it does
    /// not melt into a smooth gradient when shrunk. A 6000 × 4000 one is a ~9 MB JPEG at q 92,
    /// like a camera's.
    /// </summary>
    public static Image DetailedPhoto(int width, int height)
    {
        using var xy = Image.Xyz(width, height);
        using var x = xy[0];
        using var y = xy[1];
        using var r = x * (200.0 / width) + 30;
        using var g = y * (200.0 / height) + 30;
        using var b = (x + y) * (120.0 / (width + height)) + 60;
        using var rgb = r.Bandjoin(g, b);
        using var red = Octaves(width, height, 1);
        using var green = Octaves(width, height, 2);
        using var blue = Octaves(width, height, 3);
        using var detail = red.Bandjoin(green, blue);
        using var photo = rgb + detail;
        return photo.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private static Image Octaves(int width, int height, int seed)
    {
        Image? sum = null;
        for (var scale = 64; scale >= 1; scale /= 2)
        {
            using var noise = Image.Gaussnoise(width / scale + 2, height / scale + 2, sigma: 2.5 * Math.Pow(scale, 0.75), mean: 0, seed: seed * 100 + scale);
            using var up = scale == 1 ? noise.Copy() : noise.Resize(scale, kernel: Enums.Kernel.Linear);
            using var octave = up.Crop(0, 0, width, height);
            var next = sum is null ? octave.Copy() : sum + octave;
            sum?.Dispose();
            sum = next;
        }

        return sum!;
    }

    public static byte[] Jpeg(int width, int height, int quality = 90)
    {
        using var photo = Photo(width, height);
        return photo.JpegsaveBuffer(q: quality);
    }

    public static byte[] Png(int width, int height)
    {
        using var photo = Photo(width, height, noise: 4);
        return photo.PngsaveBuffer();
    }

    public static byte[] PngWithAlpha(int width, int height)
    {
        using var photo = Photo(width, height, noise: 4);
        using var xy = Image.Xyz(width, height);
        using var x = xy[0];
        using var alpha = (x * (255.0 / width)).Cast(Enums.BandFormat.Uchar);
        using var rgba = photo.Bandjoin(alpha);
        return rgba.PngsaveBuffer();
    }

    public static byte[] Webp(int width, int height)
    {
        using var photo = Photo(width, height);
        return photo.WebpsaveBuffer(q: 80);
    }

    public static byte[] Gif(int width, int height)
    {
        using var photo = Photo(width, height, noise: 0);
        return photo.GifsaveBuffer();
    }

    /// <summary>An animated GIF: frames stacked vertically, told apart by page-height.</summary>
    public static byte[] AnimatedGif(int width, int frameHeight, int frames)
    {
        using var photo = Photo(width, frameHeight * frames, noise: 0);
        using var animated = photo.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", frameHeight);
            m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frames).ToArray());
        });
        return animated.GifsaveBuffer();
    }

    public static byte[] Avif(int width, int height)
    {
        using var photo = Photo(width, height);
        return photo.HeifsaveBuffer(q: 50, compression: Enums.ForeignHeifCompression.Av1);
    }

    public static byte[] Tiff(int width, int height)
    {
        using var photo = Photo(width, height);
        return photo.TiffsaveBuffer();
    }

    /// <summary>A JPEG that says "turn me a quarter" and carries an author and a GPS position.</summary>
    public static byte[] JpegWithExif(int width, int height, int orientation)
    {
        using var photo = Photo(width, height);
        using var tagged = photo.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", orientation);
            m.Set(GValue.GStrType, "exif-ifd0-Artist", "A. Photographer");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "51/1 30/1 0/1");
        });
        return tagged.JpegsaveBuffer(q: 90);
    }

    /// <summary>A minimal Windows bitmap header and pixels (libvips has no BMP reader here).</summary>
    public static byte[] Bmp()
    {
        var bmp = new byte[54 + 4 * 4 * 3];
        Encoding.ASCII.GetBytes("BM").CopyTo(bmp, 0);
        BitConverter.GetBytes(bmp.Length).CopyTo(bmp, 2);
        BitConverter.GetBytes(54).CopyTo(bmp, 10);
        BitConverter.GetBytes(40).CopyTo(bmp, 14);
        BitConverter.GetBytes(4).CopyTo(bmp, 18);
        BitConverter.GetBytes(4).CopyTo(bmp, 22);
        BitConverter.GetBytes((short)1).CopyTo(bmp, 26);
        BitConverter.GetBytes((short)24).CopyTo(bmp, 28);
        return bmp;
    }

    /// <summary>
    /// A decompression bomb: a few hundred bytes of PNG whose header declares width × height RGB
    /// pixels (50,000 × 50,000 would be 7.5 GB decoded). Only the first rows' data is present.
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8; // bits per sample
        header[9] = 2; // RGB
        WriteChunk(png, "IHDR", header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[(1 + 3 * width) * 4]); // four rows of zeros
        }

        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32(typeAndData));
        png.Write(crc);
    }

    private static void WriteBigEndian(byte[] target, int offset, uint value)
    {
        target[offset] = (byte)(value >> 24);
        target[offset + 1] = (byte)(value >> 16);
        target[offset + 2] = (byte)(value >> 8);
        target[offset + 3] = (byte)value;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MediaTestGroup
{
    // Alone, so the memory and time measured in these tests are theirs.
    public const string Name = "Media";
}
