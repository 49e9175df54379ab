using System.Diagnostics;
using System.Globalization;
using NetVips;
using NewsReader.Media;
using SkiaSharp;

// Variants of one 24-megapixel JPEG (480, 960 and 1600 wide; WebP q 78 and JPEG q 82 each) made
// with NetVips (the site's VariantMaker) and with SkiaSharp. Each library runs in a child process
// of its own, so its peak resident memory (VmHWM) is not mixed with the other's or the parent's.
//
//   dotnet ImageResize.dll [--runs N] [--image photo.jpg]     parent: generate if needed, run all, print a table
//   dotnet ImageResize.dll child <library> <image> <runs>       one library, prints one result line

var inv = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "child")
{
    return Child.Run(args[1], args[2], int.Parse(args[3], inv));
}

var runs = Option("--runs", "7");
var image = Option("--image", Path.Combine(Path.GetTempPath(), "newsreader-bench", "photo-24mp-detailed.jpg"));
if (!File.Exists(image))
{
    Directory.CreateDirectory(Path.GetDirectoryName(image)!);
    Photo.Write(image, 6000, 4000);
}

Console.WriteLine($"Input: {image}, {new FileInfo(image).Length / 1024.0 / 1024.0:0.0} MB, {Child.Dimensions(image)}; {runs} timed runs after one warm-up, median reported.");
Console.WriteLine();
Console.WriteLine("| library | median | min | max | peak RSS (VmHWM) | 480 WebP | all variants |");
Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
foreach (var library in new[] { "baseline", "netvips", "skia", "skia-scaled" })
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Child).Assembly.Location);
    }

    foreach (var arg in new[] { "child", library, image, runs })
    {
        start.ArgumentList.Add(arg);
    }

    using var child = Process.Start(start)!;
    var line = child.StandardOutput.ReadToEnd().Trim();
    child.WaitForExit();
    Console.WriteLine(child.ExitCode == 0 ? line : $"| {library} | failed (exit {child.ExitCode}) |");
}

return 0;

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

internal static class Child
{
    private static readonly int[] Widths = [480, 960, 1600];

    public static int Run(string library, string path, int runs)
    {
        var bytes = File.ReadAllBytes(path);
        Func<byte[], (long All, long Phone)> make = library switch
        {
            "baseline" => _ => (0, 0),
            "netvips" => NetVipsMaker(bytes),
            "skia" => Skia,
            "skia-scaled" => SkiaScaled,
            _ => throw new ArgumentException($"unknown library {library}"),
        };

        make(bytes); // warm-up: JIT, native library loading
        var times = new List<double>();
        (long All, long Phone) sizes = default;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            sizes = make(bytes);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var name = library switch
        {
            "baseline" => "baseline (runtime + the file in memory, nothing made)",
            "netvips" => $"NetVips {typeof(Image).Assembly.GetName().Version?.ToString(3)} (libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}), the site's VariantMaker",
            "skia" => "SkiaSharp 4.155.0: decode once, resize (linear + mipmaps) ×3",
            _ => "SkiaSharp 4.155.0: JPEG decoded scaled (1/2…1/8) per width, then resized",
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Ms(times[times.Count / 2])} | {Ms(times[0])} | {Ms(times[^1])} | {PeakMb():0} MB | {sizes.Phone / 1024.0:0.0} KB | {sizes.All / 1024.0:0} KB |"));
        return 0;
    }

    public static string Dimensions(string path)
    {
        using var codec = SKCodec.Create(path);
        return $"{codec.Info.Width} × {codec.Info.Height}";
    }

    private static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:N0} ms");

    private static Func<byte[], (long, long)> NetVipsMaker(byte[] bytes)
    {
        var inspection = new ImageInspector(new ImageLimits()).Inspect(bytes, "photo.jpg");
        if (!inspection.Accepted)
        {
            throw new InvalidOperationException(inspection.Refusal.Message);
        }

        var maker = new VariantMaker();
        return b =>
        {
            var variants = maker.Make(b, inspection.Image);
            return (variants.Sum(v => (long)v.Content.Length), variants.First(v => v.Width == 480 && v.ContentType == ContentTypes.Webp).Content.Length);
        };
    }

    private static (long, long) Skia(byte[] bytes)
    {
        using var full = SKBitmap.Decode(bytes);
        long all = 0, phone = 0;
        foreach (var width in Widths)
        {
            using var resized = full.Resize(new SKImageInfo(width, Height(full.Width, full.Height, width)),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            (all, phone) = Encode(resized, width, all, phone);
        }

        return (all, phone);
    }

    // Like libvips' shrink-on-load: ask the JPEG decoder for 1/2, 1/4 or 1/8 of the size.
    private static (long, long) SkiaScaled(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        long all = 0, phone = 0;
        foreach (var width in Widths)
        {
            using var codec = SKCodec.Create(data);
            var scaled = codec.GetScaledDimensions((float)width / codec.Info.Width);
            if (scaled.Width < width)
            {
                scaled = codec.Info.Size;
            }

            using var decoded = new SKBitmap(new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
            var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
            if (result != SKCodecResult.Success)
            {
                throw new InvalidOperationException($"decode: {result}");
            }

            using var resized = decoded.Resize(new SKImageInfo(width, Height(codec.Info.Width, codec.Info.Height, width)),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            (all, phone) = Encode(resized, width, all, phone);
        }

        return (all, phone);
    }

    private static (long, long) Encode(SKBitmap bitmap, int width, long all, long phone)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var webp = image.Encode(SKEncodedImageFormat.Webp, 78);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return (all + webp.Size + jpeg.Size, width == 480 ? webp.Size : phone);
    }

    private static int Height(int width, int height, int target) => (int)Math.Round((double)height * target / width);

    // The kernel's high-water mark of resident memory for this process, native allocations included.
    private static double PeakMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}

internal static class Photo
{
    /// <summary>
    /// Something with a photo's detail at every scale (noise octaves from 1/64 of the size down to
    /// single pixels, stronger the coarser) over colour gradients, saved as a camera would (JPEG
    /// q 92, ~9 MB at 6000 × 4000). The same picture as NewsReader.Tests' DetailedPhoto.
    /// </summary>
    public static void Write(string path, int width, int height)
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
        using var sum = rgb + detail;
        using var photo = sum.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        photo.Jpegsave(path, q: 92);
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
}
