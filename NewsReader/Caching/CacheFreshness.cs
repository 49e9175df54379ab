using Microsoft.AspNetCore.OutputCaching;
using NewsReader.Redis;

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
/// <remarks>
/// With Redis (<paramref name="shared"/>), the generation is the one count all instances share, an
/// eviction is recorded there before the store is evicted and then told to the other instances, and
/// a store into the shared output cache is checked against that record too
/// (<see cref="StoreSharedIfStillFreshAsync"/>). The lock still orders this process's own evictions
/// and fast-path copies.
/// </remarks>
public sealed class CacheFreshness(ReaderPageFastPath? fastPath = null, SharedEvictions? shared = null)
{
    /// <summary>Past this many remembered tags the memory is cleared (see <see cref="_forgottenBefore"/>).</summary>
    internal const int RememberedTags = 20_000;

    private const string GenerationItem = "NewsReader.CacheGeneration";
    private const string StartedItem = "NewsReader.CacheRequestStarted";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, long> _evictedAt = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>
    /// When the remembered tags were last cleared: a request begun before then may have missed an
    /// eviction that is no longer remembered, so its response is not stored.
    /// </summary>
    private long _forgottenBefore;

    /// <summary>Notes the generation at the start of a request that may be stored.</summary>
    /// <remarks>
    /// With Redis, this process's count may lag the shared one until the other instances' messages
    /// arrive; an older mark only makes the checks stricter.
    /// </remarks>
    public void MarkRequestStart(HttpContext httpContext)
    {
        httpContext.Items[GenerationItem] = Interlocked.Read(ref _generation);
        if (shared is not null)
        {
            httpContext.Items[StartedItem] = shared.Timestamp();
        }
    }

    /// <summary>True once the output cache's policy has taken the request as one whose response may be stored.</summary>
    public static bool IsMarkedForStorage(HttpContext httpContext) => httpContext.Items.ContainsKey(GenerationItem);

    /// <summary>
    /// Evicts <paramref name="tags"/> from <paramref name="store"/> and the fast path, and with Redis
    /// tells the other instances; <paramref name="storiesChanged"/> tells them that what they keep
    /// in memory from the stories is stale too (a reaction alone does not).
    /// </summary>
    public async Task EvictAsync(IOutputCacheStore store, IReadOnlyCollection<string> tags, CancellationToken cancellationToken, bool storiesChanged = false)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Recorded in Redis before the store is evicted: a store elsewhere that checks after
            // this sees it, and one that stored before it is evicted by it.
            var generation = shared is null ? Interlocked.Increment(ref _generation) : await shared.RecordAsync(tags);
            NoteEvictedLocked(generation, tags);
            foreach (var tag in tags)
            {
                await store.EvictByTagAsync(tag, cancellationToken);
            }
            if (shared is not null)
            {
                await shared.PublishAsync(generation, tags, storiesChanged);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Another instance evicted <paramref name="tags"/> from the shared store: this process drops its
    /// copies and remembers the eviction, so that a page it rendered before it is not stored.
    /// </summary>
    public async Task EvictedElsewhereAsync(long generation, IReadOnlyCollection<string> tags)
    {
        await _gate.WaitAsync();
        try
        {
            NoteEvictedLocked(generation, tags);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Catches up with the shared count (at start, and after the connection to Redis was lost and
    /// messages may have been missed, when every copy of this process is dropped too).
    /// </summary>
    public async Task ResetAsync(long sharedGeneration)
    {
        await _gate.WaitAsync();
        try
        {
            // Never past the shared count: a count ahead of it would take later evictions elsewhere for older ones.
            // A request begun before this may have missed evictions here (not in Redis, which is checked too).
            var generation = Math.Max(sharedGeneration, Interlocked.Read(ref _generation));
            _evictedAt.Clear();
            _forgottenBefore = generation;
            Interlocked.Exchange(ref _generation, generation);
            fastPath?.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void NoteEvictedLocked(long generation, IReadOnlyCollection<string> tags)
    {
        if (generation > Interlocked.Read(ref _generation))
        {
            Interlocked.Exchange(ref _generation, generation);
        }
        if (_evictedAt.Count + tags.Count > RememberedTags)
        {
            _evictedAt.Clear();
            _forgottenBefore = generation;
        }
        fastPath?.Evict(tags);
        foreach (var tag in tags)
        {
            _evictedAt[tag] = Math.Max(generation, _evictedAt.GetValueOrDefault(tag));
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

    /// <summary>
    /// Stores into the output cache's own store: as <see cref="StoreIfStillFreshAsync"/>, and with
    /// Redis checked against the evictions of every instance. True when stored (and kept).
    /// </summary>
    /// <remarks>
    /// The shared check and the store cannot be one step, so the record is read again after the
    /// store: an eviction elsewhere in between recorded its tags before evicting, so it either
    /// evicted what was stored here or is seen now, and this evicts those tags itself.
    /// </remarks>
    public async ValueTask<bool> StoreSharedIfStillFreshAsync(
        HttpContext? httpContext, string[] tags, Func<ValueTask> store, IOutputCacheStore evictFrom, CancellationToken cancellationToken)
    {
        if (shared is null || httpContext?.Items[GenerationItem] is not long startedAt || httpContext.Items[StartedItem] is not long startedTimestamp)
        {
            var stored = false;
            await StoreIfStillFreshAsync(httpContext, tags, async () =>
            {
                await store();
                stored = true;
            }, cancellationToken);
            return stored;
        }
        if (!shared.Covers(startedTimestamp) || !await IsFreshHereAsync(startedAt, tags, cancellationToken)
            || (await shared.EvictedSinceAsync(tags, startedAt)).Count > 0)
        {
            return false;
        }
        await store();
        var evictedMeanwhile = await shared.EvictedSinceAsync(tags, startedAt);
        foreach (var tag in evictedMeanwhile)
        {
            await evictFrom.EvictByTagAsync(tag, cancellationToken);
        }
        return evictedMeanwhile.Count == 0;
    }

    private async Task<bool> IsFreshHereAsync(long startedAt, IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return IsFresh(startedAt, tags);
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
