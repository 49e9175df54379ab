using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Data;

public sealed class StoryRevisionConfiguration : IEntityTypeConfiguration<StoryRevision>
{
    public void Configure(EntityTypeBuilder<StoryRevision> revision)
    {
        revision.ToTable("ArticleRevisions");
        revision.Property(r => r.UserName).HasMaxLength(256);
        revision.Property(r => r.Action).HasMaxLength(100);
        revision.Property(r => r.Title).HasMaxLength(StoryLimits.TitleLength);
        revision.Property(r => r.Slug).HasMaxLength(StoryLimits.SlugLength);
        revision.Property(r => r.Summary).HasMaxLength(StoryLimits.SummaryLength);
        revision.Property(r => r.Author).HasMaxLength(200);
        revision.Property(r => r.LeadImage).HasMaxLength(2000);
        // The editor lists a story's revisions newest first.
        revision.HasIndex(r => new { r.StoryId, r.CreatedAt });
        revision.HasOne(r => r.Story).WithMany().HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AutosaveSlotConfiguration : IEntityTypeConfiguration<AutosaveSlot>
{
    public void Configure(EntityTypeBuilder<AutosaveSlot> autosave)
    {
        autosave.ToTable("ArticleAutosaves");
        autosave.Property(a => a.UserId).HasMaxLength(450);
        // Unlike a saved story, a working copy may be half-typed and over the limits; it is checked
        // when it is restored and saved, so only the columns that must stay short are capped.
        autosave.HasIndex(a => new { a.StoryId, a.UserId }).IsUnique();
        autosave.HasOne(a => a.Story).WithMany().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
