using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Media;

/// <summary>Stores a picture's variants once the resize worker has made them, and marks the picture ready.</summary>
public sealed class MediaVariants(IDbContextFactory<NewsDbContext> dbFactory, MediaPictures pictures, ILogger<MediaVariants> logger)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> _storing = new(StringComparer.Ordinal);

    public void StoreWhenMade(ResizeJob job)
    {
        var storing = StoreAsync(job);
        _storing[job.Sha256] = storing;
        _ = storing.ContinueWith(done => _storing.TryRemove(new(job.Sha256, done)), TaskScheduler.Default);
    }

    /// <summary>The picture's variants being made and stored right now, if they are.</summary>
    public Task? Storing(string hash) => _storing.GetValueOrDefault(hash);

    private async Task StoreAsync(ResizeJob job)
    {
        try
        {
            var made = await job.Completion;
            await using var db = await dbFactory.CreateDbContextAsync();
            var item = await db.Media.SingleOrDefaultAsync(m => m.Hash == job.Sha256);
            if (item is null)
            {
                return; // deleted while it was being resized
            }
            await db.MediaFiles.Where(f => f.MediaItemId == item.Id && f.Width > 0).ExecuteDeleteAsync();
            foreach (var variant in made)
            {
                db.MediaFiles.Add(new MediaFile
                {
                    MediaItemId = item.Id, Width = variant.Width, Height = variant.Height,
                    Extension = MediaLibrary.ExtensionOf(variant.ContentType), ContentType = variant.ContentType,
                    Content = variant.Content.ToArray(),
                });
            }
            item.Ready = true;
            await db.SaveChangesAsync();
            pictures.Forget(job.Sha256);
        }
        catch (Exception ex)
        {
            // The original stays in the library, not ready; uploading it again makes the variants again.
            logger.LogError(ex, "Making the variants of picture {Hash} failed.", job.Sha256);
        }
    }
}
