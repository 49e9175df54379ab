using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace NewsReader.Caching;

/// <summary>
/// A per-process copy of the reader pages the output cache has stored, kept ready to write so that
/// <see cref="ReaderPageFastPathMiddleware"/> can answer them before routing, authentication and the
/// output cache's own lookup (which deserializes its entry on every hit). The output cache stays
/// the store of record: a page gets here only when the output cache has just stored it, with the
/// same tags and lifetime, and leaves when any of its tags is evicted, when it expires, or when the
/// copy is over its size bounds.
/// </summary>
/// <remarks>
/// Every eviction goes through <see cref="Evict"/> or <see cref="Clear"/>, called by
/// <see cref="CacheFreshness"/> under the same lock as the output cache's own eviction, so another
/// source of evictions (a message from other instances) has exactly one place to call.
/// </remarks>
public sealed class ReaderPageFastPath(TimeProvider clock)
{
    /// <summary>
    /// Bounds on the copy: all pages together, the number of pages, one page. Past the first two the
    /// oldest pages make room; a page larger than the last (the sitemap of a big archive) is left
    /// to the output cache.
    /// </summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public const int MaxPages = 4096;
    public const int MaxPageBytes = 1024 * 1024;

    private const string StoredItem = "NewsReader.FastPath.Stored";

    private readonly ConcurrentDictionary<string, FastPathPage> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _keysByTag = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _oldestFirst = new();
    private readonly Lock _gate = new();
    private long _bytes;
    private long _hits;

    public int Count => _pages.Count;

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Requests answered from this copy since start (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The unexpired page kept under <paramref name="key"/>, if any.</summary>
    public FastPathPage? Find(string key) =>
        _pages.TryGetValue(key, out var page) && page.Expires > clock.GetUtcNow() ? page : null;

    internal void CountHit() => Interlocked.Increment(ref _hits);

    /// <summary>
    /// Keeps <paramref name="page"/> under <paramref name="key"/>. Callers go through
    /// <see cref="CacheFreshness.StoreIfStillFreshAsync"/>, so a page rendered before an eviction
    /// of one of its tags never gets here.
    /// </summary>
    public void Add(string key, FastPathPage page)
    {
        if (page.Size > MaxPageBytes)
        {
            return;
        }
        lock (_gate)
        {
            RemoveLocked(key);
            MakeRoomLocked(page.Size);
            page.Node = _oldestFirst.AddLast(key);
            foreach (var tag in page.Tags)
            {
                if (!_keysByTag.TryGetValue(tag, out var keys))
                {
                    _keysByTag[tag] = keys = new HashSet<string>(StringComparer.Ordinal);
                }
                keys.Add(key);
            }
            _pages[key] = page;
            _bytes += page.Size;
        }
    }

    /// <summary>Drops every page that carries one of <paramref name="tags"/>.</summary>
    public void Evict(IEnumerable<string> tags)
    {
        lock (_gate)
        {
            foreach (var tag in tags)
            {
                if (_keysByTag.TryGetValue(tag, out var keys))
                {
                    foreach (var key in keys.ToArray())
                    {
                        RemoveLocked(key);
                    }
                }
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pages.Clear();
            _keysByTag.Clear();
            _oldestFirst.Clear();
            _bytes = 0;
        }
    }

    /// <summary>
    /// Noted by the output cache's store when it has stored the response to <paramref name="httpContext"/>:
    /// only such a response may be copied here, with the tags and lifetime it was stored with.
    /// </summary>
    internal static void NoteStored(HttpContext? httpContext, string[] tags, TimeSpan validFor)
    {
        if (httpContext is not null)
        {
            httpContext.Items[StoredItem] = new StoredPage(tags, validFor);
        }
    }

    internal static StoredPage? FindStored(HttpContext httpContext) =>
        httpContext.Items.TryGetValue(StoredItem, out var stored) ? stored as StoredPage : null;

    private void MakeRoomLocked(long size)
    {
        if (_bytes + size <= MaxBytes && _pages.Count < MaxPages)
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var (key, page) in _pages)
        {
            if (page.Expires <= now)
            {
                RemoveLocked(key);
            }
        }
        while ((_bytes + size > MaxBytes || _pages.Count >= MaxPages) && _oldestFirst.First is { } oldest)
        {
            RemoveLocked(oldest.Value);
        }
    }

    private void RemoveLocked(string key)
    {
        if (!_pages.TryRemove(key, out var page))
        {
            return;
        }
        _bytes -= page.Size;
        if (page.Node is { } node)
        {
            _oldestFirst.Remove(node);
        }
        foreach (var tag in page.Tags)
        {
            if (_keysByTag.TryGetValue(tag, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                _keysByTag.Remove(tag);
            }
        }
    }
}

/// <summary>What the output cache stored a response with.</summary>
internal sealed record StoredPage(string[] Tags, TimeSpan ValidFor);

/// <summary>One reader page as the output cache stored it, ready to be written again.</summary>
public sealed class FastPathPage
{
    public required string Key { get; init; }

    public required int StatusCode { get; init; }

    /// <summary>Every header the output cache keeps with a page (all but Content-Length and Age).</summary>
    public required IReadOnlyList<KeyValuePair<string, StringValues>> Headers { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>When the response started: the Age of every later answer counts from here.</summary>
    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Expires { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The page shows the reader's own reaction: the copy is the one for readers without a reader cookie.</summary>
    public required bool VariesByReader { get; init; }

    /// <summary>About what the page holds in memory, for <see cref="ReaderPageFastPath.MaxBytes"/>.</summary>
    public long Size => _size ??=
        Body.Length + 2L * Key.Length + 256
        + Headers.Sum(h => 2L * h.Key.Length + h.Value.Sum(v => 2L * (v?.Length ?? 0)) + 32)
        + Tags.Sum(t => 2L * t.Length + 64);

    private long? _size;

    public bool TryFindHeader(string name, out StringValues value)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = header.Value;
                return true;
            }
        }
        value = StringValues.Empty;
        return false;
    }

    /// <summary>Its place in the oldest-first order; set and read under the fast path's lock.</summary>
    internal LinkedListNode<string>? Node { get; set; }
}
