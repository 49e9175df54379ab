using System.Collections.Concurrent;
using System.Threading.Channels;

namespace NewsReader.Media;

public enum ResizeStatus
{
    Queued,
    Resizing,
    Done,
    Failed,

    /// <summary>The site stopped before the job ran; upload again.</summary>
    Cancelled,
}

/// <summary>
/// One picture waiting for, or done with, its variants. The editor awaits
/// <see cref="Completion"/> or polls <see cref="ResizeJobs.Find"/> by content hash and shows
/// <see cref="WidthsDone"/> of <see cref="WidthsPlanned"/>.
/// </summary>
public sealed class ResizeJob
{
    private readonly TaskCompletionSource<IReadOnlyList<ImageVariant>> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _status = (int)ResizeStatus.Queued;
    private int _widthsDone;

    internal ResizeJob(InspectedImage image, ReadOnlyMemory<byte> content)
    {
        Image = image;
        Content = content;
        WidthsPlanned = VariantMaker.PlanWidths(image.Width).Count;
    }

    public InspectedImage Image { get; }

    public string Sha256 => Image.Sha256;

    public ResizeStatus Status => (ResizeStatus)Volatile.Read(ref _status);

    public int WidthsPlanned { get; }

    public int WidthsDone => Volatile.Read(ref _widthsDone);

    /// <summary>The variants, or the failure; cancelled when the site stops before the job ran.</summary>
    public Task<IReadOnlyList<ImageVariant>> Completion => _completion.Task;

    // Let go of the upload once resized: finished jobs are kept for polling, their bytes need not be.
    internal ReadOnlyMemory<byte> Content { get; private set; }

    internal void Start() => Volatile.Write(ref _status, (int)ResizeStatus.Resizing);

    internal void Progress(int widthsDone) => Volatile.Write(ref _widthsDone, widthsDone);

    internal void Succeed(IReadOnlyList<ImageVariant> variants)
    {
        Content = default;
        Volatile.Write(ref _status, (int)ResizeStatus.Done);
        _completion.TrySetResult(variants);
    }

    internal void Fail(Exception error)
    {
        Content = default;
        Volatile.Write(ref _status, (int)ResizeStatus.Failed);
        _completion.TrySetException(error);
    }

    internal void Cancel()
    {
        Content = default;
        Volatile.Write(ref _status, (int)ResizeStatus.Cancelled);
        _completion.TrySetCanceled();
    }
}

public enum EnqueueOutcome
{
    /// <summary>A new job is waiting for a worker.</summary>
    Queued,

    /// <summary>The same picture (same content hash) is already queued, resizing or done: that job is returned.</summary>
    Existing,

    /// <summary>The queue is full; nothing was queued. Try again in a moment.</summary>
    Busy,
}

public sealed record EnqueueResult(EnqueueOutcome Outcome, ResizeJob? Job, string? Message);

/// <summary>
/// The bounded queue of resize jobs between uploads and <see cref="ResizeWorker"/>. A full queue answers
/// "busy" at once instead of making a request wait: a burst of uploads must not hold request
/// threads or pile up uploads in memory behind a resize that takes a second each.
/// </summary>
public sealed class ResizeJobs
{
    private readonly Channel<ResizeJob> _channel;
    private readonly ConcurrentDictionary<string, ResizeJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ResizeJob> _finished = new();
    private readonly Lock _gate = new();
    private readonly int _finishedKept;

    public ResizeJobs(MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.QueueCapacity);
        _finishedKept = Math.Max(0, options.FinishedJobsKept);
        _channel = Channel.CreateBounded<ResizeJob>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // only TryWrite is used: full means "busy", never a wait
            SingleReader = false,
            SingleWriter = false,
        });
    }

    internal ChannelReader<ResizeJob> Reader => _channel.Reader;

    /// <summary>Queues an accepted picture for resizing, or says why not; never waits.</summary>
    public EnqueueResult TryEnqueue(InspectedImage image, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(image);
        lock (_gate)
        {
            if (_jobs.TryGetValue(image.Sha256, out var existing) && existing.Status is not (ResizeStatus.Failed or ResizeStatus.Cancelled))
            {
                return new EnqueueResult(EnqueueOutcome.Existing, existing, null);
            }

            var job = new ResizeJob(image, content);
            if (!_channel.Writer.TryWrite(job))
            {
                return new EnqueueResult(EnqueueOutcome.Busy, null,
                    "Pictures are still being processed from other uploads. Try again in a moment.");
            }

            _jobs[image.Sha256] = job;
            return new EnqueueResult(EnqueueOutcome.Queued, job, null);
        }
    }

    /// <summary>The job for a content hash while it is queued, resizing, or recently finished.</summary>
    public ResizeJob? Find(string sha256) => _jobs.TryGetValue(sha256, out var job) ? job : null;

    /// <summary>Remembers a finished job for polling, forgetting the oldest beyond the limit.</summary>
    internal void Finished(ResizeJob job)
    {
        _finished.Enqueue(job);
        while (_finished.Count > _finishedKept && _finished.TryDequeue(out var old))
        {
            lock (_gate)
            {
                // Only if the hash was not queued again since.
                if (_jobs.TryGetValue(old.Sha256, out var current) && ReferenceEquals(current, old))
                {
                    _jobs.TryRemove(old.Sha256, out _);
                }
            }
        }
    }
}
