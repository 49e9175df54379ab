using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NewsReader.Caching;

/// <summary>
/// Sits in place of the response body while a request the fast path could not answer goes down the
/// pipeline: passes every byte on at once (a slow client is never waited for here) and, if the
/// output cache may store the response, keeps a copy of the headers and body for
/// <see cref="ReaderPageFastPath"/>, up to a size limit.
/// </summary>
/// <remarks>
/// The headers are copied when the first byte passes, the moment the output cache (further in)
/// copies its own: after it has set Date, before anything further out (response compression)
/// adds Content-Encoding or its Vary. Like the output cache, Content-Length and Age are left out:
/// they are written per answer. Whether to keep anything is decided at that moment too, when the
/// output cache's policy has seen the routed request: static files, media and the admin area
/// pass through without being copied.
/// </remarks>
internal sealed class ResponseCapture(HttpResponse response, int limit, TimeProvider clock, Func<bool> mayBeStored) : Stream
{
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.Age, HeaderNames.RequestId,
    };

    private bool _started;

    /// <summary>Null when nothing is kept: the response may not be stored, or it went past the limit.</summary>
    private MemoryStream? _body;

    /// <summary>The body the response had before this one took its place.</summary>
    public Stream Inner { get; } = response.Body;

    /// <summary>The headers as the response started, or null when nothing is kept.</summary>
    public List<KeyValuePair<string, StringValues>>? Headers { get; private set; }

    public DateTimeOffset Started { get; private set; }

    /// <summary>The body as written, or null when nothing is kept.</summary>
    public ReadOnlyMemory<byte>? Body => _body is { } body ? body.GetBuffer().AsMemory(0, (int)body.Length) : null;

    /// <summary>Starts now if no byte has passed yet (a response without a body).</summary>
    public void Finish() => Start();

    private void Start()
    {
        if (_started)
        {
            return;
        }
        _started = true;
        if (!mayBeStored())
        {
            return;
        }
        Started = clock.GetUtcNow();
        Headers = [.. response.Headers.Where(h => !NotKept.Contains(h.Key))];
        _body = new MemoryStream();
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        Start();
        if (_body is null)
        {
            return;
        }
        if (_body.Length + bytes.Length > limit)
        {
            _body = null;
            return;
        }
        _body.Write(bytes);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        Inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return Inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
        Start();
        Inner.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Start();
        return Inner.FlushAsync(cancellationToken);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
