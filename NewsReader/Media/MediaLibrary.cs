using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Stories;

namespace NewsReader.Media;

/// <summary>What an upload did: a picture (new or already in the library), or why nothing was stored.</summary>
public abstract record UploadOutcome
{
    public sealed record Stored(MediaPicture Picture, bool AlreadyInLibrary) : UploadOutcome;

    public sealed record Refused(string Message) : UploadOutcome;
}

/// <summary>One picture as the media library page lists it.</summary>
public sealed record LibraryEntry(MediaPicture Picture, string FileName, long Length, string UploadedBy, DateTime UploadedAt, IReadOnlyList<string> UsedBy);

/// <summary>
/// The media library as editors use it: upload, find, describe (alt text), delete when unused.
/// Every call checks that the caller is an editor. Resizing happens off the caller's thread
/// (<see cref="ResizeJobs"/>); <see cref="MediaVariants"/> stores the result when it is ready.
/// </summary>
public sealed class MediaLibrary(
    IDbContextFactory<NewsDbContext> dbFactory,
    ImageInspector inspector,
    ResizeJobs jobs,
    MediaVariants variants,
    MediaPictures pictures,
    MediaEndpoints served,
    StoryWriter stories,
    StoryChanges changes,
    EditorAccess access,
    TimeProvider clock)
{
    public long MaxBytes => inspector.Limits.MaxBytes;

    public async Task<UploadOutcome> UploadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        // Contributors upload pictures for their own stories too; the library page is for editors.
        var editor = await access.RequireWriterAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var inspection = inspector.Inspect(bytes, fileName);
        if (inspection.Image is not { } image)
        {
            return new UploadOutcome.Refused(inspection.Refusal!.Message);
        }

        var known = await pictures.FindAsync(image.Sha256, cancellationToken);
        if (known is { Ready: true })
        {
            return new UploadOutcome.Stored(known, AlreadyInLibrary: true);
        }
        // New, or stored before its variants were made (a failure, a restart): make them now.
        var queued = jobs.TryEnqueue(image, bytes);
        if (queued.Job is not { } job)
        {
            return new UploadOutcome.Refused(queued.Message ?? "The picture could not be processed now. Try again in a moment.");
        }
        if (known is not null)
        {
            if (queued.Outcome == EnqueueOutcome.Queued)
            {
                variants.StoreWhenMade(job);
            }
            return new UploadOutcome.Stored(known, AlreadyInLibrary: true);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Media.Add(new MediaItem
            {
                Hash = image.Sha256, FileName = Path.GetFileName(fileName), ContentType = image.ContentType, Length = bytes.LongLength,
                Width = image.Width, Height = image.Height, UploadedBy = editor.DisplayName ?? editor.Email,
                UploadedAt = clock.GetUtcNow().UtcDateTime,
                Files = [new MediaFile { Width = 0, Height = image.Height, Extension = ExtensionOf(image.ContentType), ContentType = image.ContentType, Content = bytes }],
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (db.ChangeTracker.Entries<MediaItem>().Any(e => e.Entity.Hash == image.Sha256))
            {
                // The same picture, uploaded by someone else a moment earlier (the hash is unique): theirs is the one.
                if (await pictures.FindAsync(image.Sha256, cancellationToken) is null)
                {
                    throw;
                }
            }
        }
        variants.StoreWhenMade(job);
        var widths = VariantMaker.PlanWidths(image.Width);
        return new UploadOutcome.Stored(
            new MediaPicture(image.Sha256, image.Width, image.Height, "", widths, image.HasAlpha ? "png" : "jpg", Ready: false),
            AlreadyInLibrary: false);
    }

    /// <summary>
    /// Waits until the picture's variants are stored, telling <paramref name="progress"/> the widths
    /// made so far of those planned; the picture as pages will show it, or null if making it failed.
    /// </summary>
    public async Task<MediaPicture?> WhenReadyAsync(string hash, Action<int, int> progress, CancellationToken cancellationToken)
    {
        if (variants.Storing(hash) is { } storing)
        {
            while (!storing.IsCompleted)
            {
                if (jobs.Find(hash) is { } job)
                {
                    progress(job.WidthsDone, job.WidthsPlanned);
                }
                await Task.WhenAny(storing, Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        var picture = await FindAsync(hash, cancellationToken);
        return picture is { Ready: true } ? picture : null;
    }

    public async Task<MediaPicture?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        await access.RequireWriterAsync(cancellationToken);
        pictures.Forget(hash);
        return await pictures.FindAsync(hash, cancellationToken);
    }

    public async Task<IReadOnlyList<LibraryEntry>> ListAsync(string? search, int take, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Media.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
            var term = search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311 // ToLower() here is SQL's lower(), run by the database, not .NET's
            query = query.Where(m => EF.Functions.Like(m.AltText.ToLower(), "%" + term + "%") || EF.Functions.Like(m.FileName.ToLower(), "%" + term + "%"));
#pragma warning restore CA1304, CA1311
        }
        var rows = await query.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id).Take(take)
            .Select(m => new { m.Hash, m.FileName, m.Length, m.UploadedBy, m.UploadedAt })
            .ToListAsync(cancellationToken);
        var found = await pictures.FindAsync(rows.Select(r => r.Hash), cancellationToken);
        var entries = new List<LibraryEntry>();
        foreach (var row in rows)
        {
            entries.Add(new LibraryEntry(found[row.Hash], row.FileName, row.Length, row.UploadedBy, row.UploadedAt,
                await UsedByAsync(db, row.Hash, cancellationToken)));
        }
        return entries;
    }

    public async Task<string?> SetAltTextAsync(string hash, string altText, CancellationToken cancellationToken)
    {
        var user = await access.RequireWriterAsync(cancellationToken);
        var alt = altText.Trim();
        if (alt.Length > MediaLimits.AltTextLength)
        {
            return $"Alt text must be at most {MediaLimits.AltTextLength} characters.";
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!user.IsEditor && await ContributorMayNotDescribeAsync(db, hash, alt, user.UserId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var changed = await db.Media.Where(m => m.Hash == hash).ExecuteUpdateAsync(s => s.SetProperty(m => m.AltText, alt), cancellationToken);
        pictures.Forget(hash);
        if (changed == 0)
        {
            return "That picture is no longer in the library.";
        }
        // Bodies hold their pictures' markup, alt text included; lead images and cards read the library.
        var users = await UsersOf(db, hash).Select(s => s.Id).ToListAsync(cancellationToken);
        if (users.Count > 0)
        {
            await stories.RenderAgainAsync(users, cancellationToken);
            await changes.NotifyAsync(users, cancellationToken);
        }
        return null;
    }

    /// <summary>
    /// A picture's alt text shows in every story that uses it: a contributor may describe a picture
    /// that only their own stories use (or none yet), and otherwise leave it as it is.
    /// </summary>
    private static async Task<string?> ContributorMayNotDescribeAsync(
        NewsDbContext db, string hash, string alt, string userId, CancellationToken cancellationToken)
    {
        var current = await db.Media.AsNoTracking().Where(m => m.Hash == hash).Select(m => m.AltText).FirstOrDefaultAsync(cancellationToken);
        if (current == alt)
        {
            return null;
        }
        return await UsersOf(db, hash).AnyAsync(s => s.OwnerId != userId || s.OwnerId == null, cancellationToken)
            ? "This picture is used in stories that are not yours, so only an editor can change its description."
            : null;
    }

    /// <summary>Deletes a picture no story uses; otherwise deletes nothing and names the stories.</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(string hash, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var usedBy = await UsedByAsync(db, hash, cancellationToken);
        if (usedBy.Count == 0)
        {
            var picture = await pictures.FindAsync(hash, cancellationToken);
            await db.Media.Where(m => m.Hash == hash).ExecuteDeleteAsync(cancellationToken);
            pictures.Forget(hash);
            if (picture is not null)
            {
                served.Forget(picture);
            }
        }
        return usedBy;
    }

    private static async Task<IReadOnlyList<string>> UsedByAsync(NewsDbContext db, string hash, CancellationToken cancellationToken) =>
        await UsersOf(db, hash).OrderBy(s => s.Title).Select(s => s.Title).ToListAsync(cancellationToken);

    private static IQueryable<Story> UsersOf(NewsDbContext db, string hash)
    {
        var pattern = "%" + MediaUrls.Prefix + hash + "-%";
        return db.Stories.AsNoTracking()
            .Where(s => EF.Functions.Like(s.Body, pattern) || (s.LeadImage != null && EF.Functions.Like(s.LeadImage, pattern)));
    }

    internal static string ExtensionOf(string contentType) => contentType switch
    {
        ContentTypes.Webp => "webp",
        ContentTypes.Png => "png",
        ContentTypes.Gif => "gif",
        ContentTypes.Avif => "avif",
        _ => "jpg",
    };
}
