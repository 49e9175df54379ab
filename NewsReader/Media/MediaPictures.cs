using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Media;

/// <summary>
/// The library's pictures as pages need them (widths, fallback format, alt text), kept in memory
/// after the first read: a story page or a card asks for a handful and must not query each time.
/// </summary>
public sealed class MediaPictures(IDbContextFactory<NewsDbContext> dbFactory)
{
    // Small records (no bytes); a site has thousands of pictures at most, not millions.
    private readonly ConcurrentDictionary<string, MediaPicture> _known = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, MediaPicture>> FindAsync(IEnumerable<string> hashes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, MediaPicture>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var hash in hashes.Distinct(StringComparer.Ordinal))
        {
            if (_known.TryGetValue(hash, out var picture))
            {
                found[hash] = picture;
            }
            else
            {
                missing.Add(hash);
            }
        }
        if (missing.Count == 0)
        {
            return found;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Media.AsNoTracking()
            .Where(m => missing.Contains(m.Hash))
            .Select(m => new
            {
                m.Hash, m.Width, m.Height, m.AltText, m.Ready,
                Files = m.Files.Where(f => f.Width > 0).Select(f => new { f.Width, f.Extension }).ToList(),
            })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var widths = row.Files.Select(f => f.Width).Distinct().Order().ToList();
            var fallback = row.Files.Select(f => f.Extension).FirstOrDefault(e => e != "webp") ?? "jpg";
            var picture = new MediaPicture(row.Hash, row.Width, row.Height, row.AltText, widths, fallback, row.Ready);
            if (picture.Ready)
            {
                _known[row.Hash] = picture;
            }
            found[row.Hash] = picture;
        }
        return found;
    }

    public async Task<MediaPicture?> FindAsync(string? hash, CancellationToken cancellationToken) =>
        hash is null ? null : (await FindAsync([hash], cancellationToken)).GetValueOrDefault(hash);

    /// <summary>After a change of alt text, a deletion or new variants: the next read goes to the database.</summary>
    public void Forget(string hash) => _known.TryRemove(hash, out _);
}
