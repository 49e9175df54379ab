using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Data;

public sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public const int NameLength = 200;
    public const int BioLength = 2000;
    public const int PictureLength = 2000;

    public void Configure(EntityTypeBuilder<Author> author)
    {
        author.ToTable("Authors");
        author.Property(a => a.Name).HasMaxLength(NameLength);
        author.Property(a => a.Slug).HasMaxLength(StoryLimits.SlugLength);
        author.Property(a => a.Bio).HasMaxLength(BioLength);
        author.Property(a => a.Picture).HasMaxLength(PictureLength);
        author.HasIndex(a => a.Slug).IsUnique();
        // Deleting an account keeps the author and their byline; only the link goes.
        author.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class StoryAuthorConfiguration : IEntityTypeConfiguration<StoryAuthor>
{
    public void Configure(EntityTypeBuilder<StoryAuthor> link)
    {
        link.ToTable("StoryAuthors");
        link.HasKey(l => new { l.StoryId, l.AuthorId });
        // An author's page counts and pages their stories from this index alone.
        link.HasIndex(l => new { l.AuthorId, l.StoryId });
        link.HasOne(l => l.Story).WithMany(s => s.Authors).HasForeignKey(l => l.StoryId).OnDelete(DeleteBehavior.Cascade);
        // An author with stories cannot be deleted: the database refuses it too, not just the admin page.
        link.HasOne(l => l.Author).WithMany(a => a.Stories).HasForeignKey(l => l.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
