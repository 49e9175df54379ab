namespace NewsReader.Editing;

/// <summary>
/// When the story editor autosaves: after a pause in typing, and however long someone keeps typing,
/// at least every <see cref="AtLeastEvery"/>. Runs on the <see cref="TimeProvider"/> so tests move
/// the clock instead of waiting for it.
/// </summary>
public sealed class AutosaveScheduler(TimeProvider clock, Func<Task> save) : IDisposable
{
    public static readonly TimeSpan AtLeastEvery = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _disposed;

    /// <summary>
    /// (Re)starts the wait: <paramref name="pause"/> from now, or less when the working copy has
    /// been dirty since <paramref name="dirtySince"/> for nearly <see cref="AtLeastEvery"/>.
    /// </summary>
    public void Schedule(TimeSpan pause, DateTime dirtySince)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = dirtySince + AtLeastEvery - now;
        var delay = latest < pause ? (latest > TimeSpan.Zero ? latest : TimeSpan.Zero) : pause;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _timer?.Dispose();
            _timer = clock.CreateTimer(_ => _ = save(), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Nothing is left to save (it was saved, or the story is gone).</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
