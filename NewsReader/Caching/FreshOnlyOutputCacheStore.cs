using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace NewsReader.Caching;

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

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var httpContext = httpContextAccessor.HttpContext;
        if (await freshness.StoreSharedIfStillFreshAsync(httpContext, tags ?? [],
            () => inner.SetAsync(key, value, tags, validFor, cancellationToken), inner, cancellationToken))
        {
            ReaderPageFastPath.NoteStored(httpContext, tags ?? [], validFor);
        }
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

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var httpContext = httpContextAccessor.HttpContext;
        // A copy of the tags: the output cache lends its array only for this call.
        var tagsCopy = tags.ToArray();
        if (await freshness.StoreSharedIfStillFreshAsync(httpContext, tagsCopy,
            () => inner is IOutputCacheBufferStore buffered
                ? buffered.SetAsync(key, value, tags, validFor, cancellationToken)
                : inner.SetAsync(key, value.ToArray(), tagsCopy, validFor, cancellationToken),
            inner, cancellationToken))
        {
            ReaderPageFastPath.NoteStored(httpContext, tagsCopy, validFor);
        }
    }
}
