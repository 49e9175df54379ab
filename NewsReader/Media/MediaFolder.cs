using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Media;

/// <summary>One picture as <c>media/pictures.json</c> lists it beside its original file.</summary>
public sealed record MediaFolderEntry(string File, string FileName, string AltText, string UploadedBy, DateTime UploadedAt);

/// <summary>
/// The library's pictures beside exported story files: <c>media/</c> holds each original, named by
/// its hash, and <c>pictures.json</c> their alt texts and names. Importing brings them back with
/// the same hashes, so the stories' <c>/media/…</c> URLs keep working on a fresh database.
/// </summary>
public sealed class MediaFolder(IDbContextFactory<NewsDbContext> dbFactory, ImageInspector inspector, VariantMaker maker, MediaPictures pictures)
{
    public const string FolderName = "media";
    public const string IndexName = "pictures.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<int> ExportAsync(string storyFolder, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var originals = db.MediaFiles.AsNoTracking().Where(f => f.Width == 0).OrderBy(f => f.MediaItemId)
            .Select(f => new { f.MediaItem!.Hash, f.Extension, f.Content, f.MediaItem.FileName, f.MediaItem.AltText, f.MediaItem.UploadedBy, f.MediaItem.UploadedAt })
            .AsAsyncEnumerable();
        var entries = new List<MediaFolderEntry>();
        var folder = Path.Combine(storyFolder, FolderName);
        await foreach (var original in originals.WithCancellation(cancellationToken))
        {
            Directory.CreateDirectory(folder);
            var file = $"{original.Hash}.{original.Extension}";
            await File.WriteAllBytesAsync(Path.Combine(folder, file), original.Content, cancellationToken);
            entries.Add(new MediaFolderEntry(file, original.FileName, original.AltText, original.UploadedBy, original.UploadedAt));
        }
        if (entries.Count > 0)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, IndexName), JsonSerializer.Serialize(entries, Json), cancellationToken);
        }
        return entries.Count;
    }

    /// <summary>
    /// Adds the pictures of <c>media/</c> that the library does not have yet (checked and resized
    /// like uploads, here and now: a command waits for them). Returns the failures, by file.
    /// </summary>
    public async Task<(int Imported, IReadOnlyList<(string File, string Reason)> Failures)> ImportAsync(string storyFolder, CancellationToken cancellationToken)
    {
        var index = Path.Combine(storyFolder, FolderName, IndexName);
        if (!File.Exists(index))
        {
            return (0, []);
        }
        var entries = JsonSerializer.Deserialize<List<MediaFolderEntry>>(await File.ReadAllTextAsync(index, cancellationToken), Json) ?? [];
        var failures = new List<(string File, string Reason)>();
        var imported = 0;
        foreach (var entry in entries)
        {
            var path = Path.Combine(storyFolder, FolderName, Path.GetFileName(entry.File));
            if (!File.Exists(path))
            {
                failures.Add((entry.File, "the file is missing"));
                continue;
            }
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var inspection = inspector.Inspect(bytes, entry.FileName);
            if (inspection.Image is not { } image)
            {
                failures.Add((entry.File, inspection.Refusal!.Message));
                continue;
            }
            if (await pictures.FindAsync(image.Sha256, cancellationToken) is { Ready: true })
            {
                continue;
            }
            await StoreAsync(image, bytes, entry, cancellationToken);
            imported++;
        }
        return (imported, failures);
    }

    private async Task StoreAsync(InspectedImage image, byte[] bytes, MediaFolderEntry entry, CancellationToken cancellationToken)
    {
        var variants = maker.Make(bytes, image, cancellationToken: cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Media.Where(m => m.Hash == image.Sha256).ExecuteDeleteAsync(cancellationToken);
        var item = new MediaItem
        {
            Hash = image.Sha256, FileName = entry.FileName, ContentType = image.ContentType, Length = bytes.LongLength,
            Width = image.Width, Height = image.Height, AltText = entry.AltText.Trim(), UploadedBy = entry.UploadedBy,
            UploadedAt = DateTime.SpecifyKind(entry.UploadedAt, DateTimeKind.Utc), Ready = true,
            Files = [new MediaFile { Width = 0, Height = image.Height, Extension = MediaLibrary.ExtensionOf(image.ContentType), ContentType = image.ContentType, Content = bytes }],
        };
        item.Files.AddRange(variants.Select(v => new MediaFile
        {
            Width = v.Width, Height = v.Height, Extension = MediaLibrary.ExtensionOf(v.ContentType), ContentType = v.ContentType, Content = v.Content.ToArray(),
        }));
        db.Media.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        pictures.Forget(image.Sha256);
    }
}
