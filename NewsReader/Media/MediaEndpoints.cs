using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using NewsReader.Data;

namespace NewsReader.Media;

/// <summary>
/// GET /media/{hash}-{width}.{webp|jpg|png}: a variant's bytes, the same forever for that URL, so
/// browsers and proxies keep it a year without asking again. Served from memory once read.
/// </summary>
public sealed class MediaEndpoints(IDbContextFactory<NewsDbContext> dbFactory) : IDisposable
{
    /// <summary>Bytes of variants kept in memory; the oldest go first when full.</summary>
    public const long MemoryBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _files = new(new MemoryCacheOptions { SizeLimit = MemoryBytes });

    private sealed record ServedFile(byte[] Content, string ContentType);

    public async Task<IResult> GetAsync(HttpContext http, string file)
    {
        if (!MediaUrls.TryParseFileName(file, out var hash, out var width, out var extension))
        {
            return Results.NotFound();
        }
        if (!_files.TryGetValue(file, out ServedFile? served) || served is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
            served = await db.MediaFiles.AsNoTracking()
                .Where(f => f.MediaItem!.Hash == hash && f.Width == width && f.Extension == extension)
                .Select(f => new ServedFile(f.Content, f.ContentType))
                .FirstOrDefaultAsync(http.RequestAborted);
            if (served is null)
            {
                return Results.NotFound();
            }
            _files.Set(file, served, new MemoryCacheEntryOptions { Size = served.Content.Length });
        }
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.File(served.Content, served.ContentType, enableRangeProcessing: true,
            entityTag: new EntityTagHeaderValue($"\"{hash[..16]}-{width}-{extension}\""));
    }

    /// <summary>A deleted picture stops being served at once, not when memory runs short.</summary>
    public void Forget(MediaPicture picture)
    {
        foreach (var width in picture.Widths)
        {
            foreach (var extension in (string[])["webp", "jpg", "png"])
            {
                _files.Remove(MediaUrls.Path(picture.Hash, width, extension)[MediaUrls.Prefix.Length..]);
            }
        }
    }

    public void Dispose() => _files.Dispose();
}
