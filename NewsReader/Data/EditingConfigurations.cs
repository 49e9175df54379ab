using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Data;

public sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> revision)
    {
        revision.Property(r => r.UserName).HasMaxLength(256);
        revision.Property(r => r.Action).HasMaxLength(100);
        revision.Property(r => r.Title).HasMaxLength(ArticleLimits.TitleLength);
        revision.Property(r => r.Slug).HasMaxLength(ArticleLimits.SlugLength);
        revision.Property(r => r.Summary).HasMaxLength(ArticleLimits.SummaryLength);
        revision.Property(r => r.Author).HasMaxLength(200);
        revision.Property(r => r.LeadImage).HasMaxLength(2000);
        // The editor lists a story's revisions newest first.
        revision.HasIndex(r => new { r.ArticleId, r.CreatedAt });
        revision.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ArticleAutosaveConfiguration : IEntityTypeConfiguration<ArticleAutosave>
{
    public void Configure(EntityTypeBuilder<ArticleAutosave> autosave)
    {
        autosave.Property(a => a.UserId).HasMaxLength(450);
        // Unlike a saved story, a working copy may be half-typed and over the limits; it is checked
        // when it is restored and saved, so only the columns that must stay short are capped.
        autosave.HasIndex(a => new { a.ArticleId, a.UserId }).IsUnique();
        autosave.HasOne(a => a.Article).WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
