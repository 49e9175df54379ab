using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.OutputCaching;

namespace NewsReader.Caching;

/// <summary>
/// Closes the one gap tags leave open: a page rendered from the database just before a change, but
/// stored just after the change evicted its tag, would be stale until it expires. Every eviction
/// moves a generation on and notes it against each tag it evicted; a response is stored only if none
/// of its own tags was evicted since its request began (its database reads come after that moment).
/// Per tag, so that a stream of reactions to one story never keeps other pages out of the cache.
/// Eviction and the check-and-store take the same lock, so nothing slips between them; the same
/// holds for the per-process copy in <see cref="ReaderPageFastPath"/>, which is evicted here too.
/// </summary>
public sealed class CacheFreshness(ReaderPageFastPath? fastPath = null)
{
    /// <summary>Past this many remembered tags the memory is cleared (see <see cref="_forgottenBefore"/>).</summary>
    internal const int RememberedTags = 20_000;

    private const string GenerationItem = "NewsReader.CacheGeneration";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, long> _evictedAt = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>
    /// When the remembered tags were last cleared: a request begun before then may have missed an
    /// eviction that is no longer remembered, so its response is not stored.
    /// </summary>
    private long _forgottenBefore;

    /// <summary>Notes the generation at the start of a request that may be stored.</summary>
    public void MarkRequestStart(HttpContext httpContext) =>
        httpContext.Items[GenerationItem] = Interlocked.Read(ref _generation);

    /// <summary>True once the output cache's policy has taken the request as one whose response may be stored.</summary>
    public static bool IsMarkedForStorage(HttpContext httpContext) => httpContext.Items.ContainsKey(GenerationItem);

    public async Task EvictAsync(IOutputCacheStore store, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var generation = Interlocked.Increment(ref _generation);
            if (_evictedAt.Count + tags.Count > RememberedTags)
            {
                _evictedAt.Clear();
                _forgottenBefore = generation;
            }
            fastPath?.Evict(tags);
            foreach (var tag in tags)
            {
                _evictedAt[tag] = generation;
                await store.EvictByTagAsync(tag, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask StoreIfStillFreshAsync(HttpContext? httpContext, IEnumerable<string> tags, Func<ValueTask> store, CancellationToken cancellationToken)
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
            if (IsFresh(startedAt, tags))
            {
                await store();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh(long startedAt, IEnumerable<string> tags) =>
        startedAt >= _forgottenBefore
        && tags.All(tag => !_evictedAt.TryGetValue(tag, out var evictedAt) || evictedAt <= startedAt);
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

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var httpContext = httpContextAccessor.HttpContext;
        return freshness.StoreIfStillFreshAsync(httpContext, tags ?? [], async () =>
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            ReaderPageFastPath.NoteStored(httpContext, tags ?? [], validFor);
        }, cancellationToken);
    }

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

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var httpContext = httpContextAccessor.HttpContext;
        return freshness.StoreIfStillFreshAsync(httpContext, MemoryMarshal.ToEnumerable(tags), async () =>
        {
            await (inner is IOutputCacheBufferStore buffered
                ? buffered.SetAsync(key, value, tags, validFor, cancellationToken)
                : inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken));
            // A copy of the tags: the output cache lends its array only for this call.
            ReaderPageFastPath.NoteStored(httpContext, tags.ToArray(), validFor);
        }, cancellationToken);
    }
}
