using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Data;

/// <summary>
/// An uploaded picture, known by the SHA-256 of its bytes: the same file uploaded twice is one
/// picture. Its alt text lives here, so every place that shows it says the same thing.
/// </summary>
public class MediaItem
{
    public int Id { get; set; }
    public string Hash { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public string AltText { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }

    /// <summary>False until every variant is stored; readers get no URL of it before.</summary>
    public bool Ready { get; set; }

    public List<MediaFile> Files { get; set; } = [];
}

/// <summary>
/// The bytes of one picture at one width in one format. The original (kept for export and for
/// making variants again) is never served: it may carry EXIF and GPS data.
/// </summary>
public class MediaFile
{
    public int Id { get; set; }
    public int MediaItemId { get; set; }
    public MediaItem? MediaItem { get; set; }

    /// <summary>The variant's width; 0 for the original.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>"webp", "jpg", "png" for variants; the upload's own for the original.</summary>
    public string Extension { get; set; } = "";

    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

public sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> media)
    {
        media.ToTable("Media");
        media.Property(m => m.Hash).HasMaxLength(64);
        media.HasIndex(m => m.Hash).IsUnique();
        media.Property(m => m.FileName).HasMaxLength(255);
        media.Property(m => m.ContentType).HasMaxLength(50);
        media.Property(m => m.AltText).HasMaxLength(MediaLimits.AltTextLength);
        media.Property(m => m.UploadedBy).HasMaxLength(256);
        // The library lists the newest first.
        media.HasIndex(m => m.UploadedAt);
    }
}

public sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> file)
    {
        file.ToTable("MediaFiles");
        file.Property(f => f.Extension).HasMaxLength(8);
        file.Property(f => f.ContentType).HasMaxLength(50);
        file.HasIndex(f => new { f.MediaItemId, f.Width, f.Extension }).IsUnique();
        file.HasOne(f => f.MediaItem).WithMany(m => m.Files).HasForeignKey(f => f.MediaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class MediaLimits
{
    public const int AltTextLength = 500;
}
