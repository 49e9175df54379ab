using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace NewsReader.Caching;

/// <summary>
/// Closes the one gap tags leave open: a page rendered from the database just before a change, but
/// stored just after the change evicted its tag, would be stale until it expires. Every eviction
/// moves a generation on; a response is stored only if no eviction happened since its request began
/// (its database reads come after that moment). Eviction and the check-and-store take the same lock,
/// so nothing slips between them.
/// </summary>
public sealed class CacheFreshness
{
    private const string GenerationItem = "NewsReader.CacheGeneration";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _generation;

    /// <summary>Notes the generation at the start of a request that may be stored.</summary>
    public void MarkRequestStart(HttpContext httpContext) =>
        httpContext.Items[GenerationItem] = Interlocked.Read(ref _generation);

    public async Task EvictAsync(IOutputCacheStore store, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref _generation);
            foreach (var tag in tags)
            {
                await store.EvictByTagAsync(tag, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask StoreIfStillFreshAsync(HttpContext? httpContext, Func<ValueTask> store, CancellationToken cancellationToken)
    {
        if (httpContext?.Items[GenerationItem] is not long startedAt)
        {
            // Not a request our policy marked (nothing else caches here): store as asked.
            await store();
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref _generation) == startedAt)
            {
                await store();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>The output cache's own store, storing only through <see cref="CacheFreshness"/>.</summary>
internal sealed class FreshOnlyOutputCacheStore(
    IOutputCacheStore inner,
    CacheFreshness freshness,
    IHttpContextAccessor httpContextAccessor) : IOutputCacheBufferStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        inner.EvictByTagAsync(tag, cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        freshness.StoreIfStillFreshAsync(httpContextAccessor.HttpContext,
            () => inner.SetAsync(key, value, tags, validFor, cancellationToken), cancellationToken);

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (inner is IOutputCacheBufferStore buffered)
        {
            return await buffered.TryGetAsync(key, destination, cancellationToken);
        }
        if (await inner.GetAsync(key, cancellationToken) is not { } bytes)
        {
            return false;
        }
        await destination.WriteAsync(bytes, cancellationToken);
        return true;
    }

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        freshness.StoreIfStillFreshAsync(httpContextAccessor.HttpContext,
            () => inner is IOutputCacheBufferStore buffered
                ? buffered.SetAsync(key, value, tags, validFor, cancellationToken)
                : inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken),
            cancellationToken);
}
