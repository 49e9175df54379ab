using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Data;

public sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> story)
    {
        story.ToTable("Articles");
        story.Property(a => a.Title).HasMaxLength(StoryLimits.TitleLength);
        story.Property(a => a.Slug).HasMaxLength(StoryLimits.SlugLength);
        story.Property(a => a.Summary).HasMaxLength(StoryLimits.SummaryLength);
        story.Property(a => a.LeadImage).HasMaxLength(2000);
        story.Property(a => a.Version).IsConcurrencyToken();

        story.HasIndex(a => a.Slug).IsUnique();
        // Lists read published stories newest first; the id breaks ties so paging is stable.
        story.HasIndex(a => new { a.PublishedAt, a.Id });
        // The front page and the banner look for the few featured or breaking stories among all.
        story.HasIndex(a => a.FeaturedAt).HasFilter("\"FeaturedAt\" IS NOT NULL");
        story.HasIndex(a => a.BreakingUntil).HasFilter("\"BreakingUntil\" IS NOT NULL");
        story.Property(a => a.Correction).HasMaxLength(StoryLimits.CorrectionLength);
        story.ConfigureReview();
    }
}

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.Property(c => c.Name).HasMaxLength(StoryLimits.TermLength);
        category.Property(c => c.Slug).HasMaxLength(StoryLimits.SlugLength);
        category.HasIndex(c => c.Slug).IsUnique();
    }
}

public sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.Property(t => t.Name).HasMaxLength(StoryLimits.TermLength);
        tag.Property(t => t.Slug).HasMaxLength(StoryLimits.SlugLength);
        tag.HasIndex(t => t.Slug).IsUnique();
    }
}

public sealed class StoryCategoryConfiguration : IEntityTypeConfiguration<StoryCategory>
{
    public void Configure(EntityTypeBuilder<StoryCategory> link)
    {
        link.ToTable("ArticleCategories");
        link.HasKey(l => new { l.StoryId, l.CategoryId });
        // With the story id in the index, a category's stories are counted and matched against
        // published ids without reading a link row (100,000 stories: ~25,000 links per category).
        link.HasIndex(l => new { l.CategoryId, l.StoryId });
        link.HasOne(l => l.Story).WithMany(a => a.Categories).HasForeignKey(l => l.StoryId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Category).WithMany(c => c.Stories).HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoryTagConfiguration : IEntityTypeConfiguration<StoryTag>
{
    public void Configure(EntityTypeBuilder<StoryTag> link)
    {
        link.ToTable("ArticleTags");
        link.HasKey(l => new { l.StoryId, l.TagId });
        link.HasIndex(l => new { l.TagId, l.StoryId });
        link.HasOne(l => l.Story).WithMany(a => a.Tags).HasForeignKey(l => l.StoryId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Tag).WithMany(t => t.Stories).HasForeignKey(l => l.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> redirect)
    {
        redirect.Property(r => r.OldSlug).HasMaxLength(StoryLimits.SlugLength);
        redirect.HasIndex(r => r.OldSlug).IsUnique();
        redirect.HasOne(r => r.Story).WithMany().HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> reaction)
    {
        reaction.Property(r => r.ReaderId).HasMaxLength(64);
        reaction.HasIndex(r => new { r.StoryId, r.ReaderId }).IsUnique();
        // The dashboard counts reactions by time and story without reading a row.
        reaction.HasIndex(r => new { r.ReactedAt, r.StoryId, r.Kind });
        // No (story, kind) index: it was there to count a story's rows per kind, which ReactionCounts
        // now answers, and every reaction written paid for keeping it.
        reaction.HasOne(r => r.Story).WithMany().HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReactionCountConfiguration : IEntityTypeConfiguration<ReactionCount>
{
    public void Configure(EntityTypeBuilder<ReactionCount> count)
    {
        // One row per story and kind rather than one row with six columns: a move is then the same two
        // statements whatever the kinds (no column chosen by name in SQL), the back-fill is a plain
        // GROUP BY, and a page reads the story's rows with one seek of the primary key.
        count.ToTable("ReactionCounts", t => t.HasCheckConstraint("CK_ReactionCounts_Count", "\"Count\" >= 0"));
        count.HasKey(c => new { c.StoryId, c.Kind });
        count.HasOne<Story>().WithMany().HasForeignKey(c => c.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
