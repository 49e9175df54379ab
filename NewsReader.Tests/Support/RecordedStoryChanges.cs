using System.Threading.Channels;
using NewsReader.Stories;

namespace NewsReader.Tests.Support;

/// <summary>A change listener that keeps every batch of story ids it hears, for tests that wait for one.</summary>
public sealed class RecordedStoryChanges : IStoryChangeListener
{
    private readonly Channel<IReadOnlyCollection<int>> _batches = Channel.CreateUnbounded<IReadOnlyCollection<int>>();

    public ChangeStage Stage => ChangeStage.CachedPages;

    public Task StoriesChangedAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken) =>
        _batches.Writer.WriteAsync([.. storyIds], cancellationToken).AsTask();

    /// <summary>Forgets what was heard so far (the saves that set a test up).</summary>
    public void Clear()
    {
        while (_batches.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>The next batch, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyCollection<int>> NextAsync(TimeSpan timeout)
    {
        using var waiting = new CancellationTokenSource(timeout);
        return await _batches.Reader.ReadAsync(waiting.Token);
    }

    /// <summary>A batch already heard, or null when none is waiting.</summary>
    public IReadOnlyCollection<int>? TakeIfAny() => _batches.Reader.TryRead(out var batch) ? batch : null;
}
