namespace NewsReader.Media;

/// <summary>What an upload may be. Bound from <c>NewsReader:Media:Limits</c>.</summary>
public sealed record ImageLimits
{
    /// <summary>20 MB: a full-size photo from any current phone or camera fits with room to spare.</summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>
    /// 50 megapixels, checked from the header before any pixel is decoded: a decoded RGBA image of
    /// this size is already 200 MB, and a picture on a web page never needs more.
    /// </summary>
    public long MaxPixels { get; init; } = 50_000_000;
}

/// <summary>Settings for pictures, bound from the <c>NewsReader:Media</c> section.</summary>
public sealed class MediaOptions
{
    public const string Section = "NewsReader:Media";

    public ImageLimits Limits { get; set; } = new();

    /// <summary>
    /// Jobs waiting to be resized. Each holds its upload (up to <see cref="ImageLimits.MaxBytes"/>),
    /// so this bounds the memory the queue can pin as well as the wait.
    /// </summary>
    public int QueueCapacity { get; set; } = 8;

    /// <summary>Resizes run at the same time. The site shares its cores with readers' requests.</summary>
    public int ResizeWorkers { get; set; } = 1;

    /// <summary>
    /// Threads libvips may use inside one resize (0: libvips decides, one per core). One: in
    /// BENCHMARKS.md a second thread saved 3% of the time and cost 34 MB of peak memory, because
    /// the JPEG decoder and the encoders run on one thread anyway.
    /// </summary>
    public int VipsThreads { get; set; } = 1;

    /// <summary>Finished jobs remembered for polling by content hash before they are forgotten.</summary>
    public int FinishedJobsKept { get; set; } = 32;
}
