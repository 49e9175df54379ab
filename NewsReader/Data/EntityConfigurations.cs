using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Data;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.Property(a => a.Title).HasMaxLength(ArticleLimits.TitleLength);
        article.Property(a => a.Slug).HasMaxLength(ArticleLimits.SlugLength);
        article.Property(a => a.Summary).HasMaxLength(ArticleLimits.SummaryLength);
        article.Property(a => a.Author).HasMaxLength(200);
        article.Property(a => a.LeadImage).HasMaxLength(2000);
        article.Property(a => a.Version).IsConcurrencyToken();

        article.HasIndex(a => a.Slug).IsUnique();
        // Lists read published stories newest first; the id breaks ties so paging is stable.
        article.HasIndex(a => new { a.PublishedAt, a.Id });

    }
}

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.Property(c => c.Name).HasMaxLength(ArticleLimits.TermLength);
        category.Property(c => c.Slug).HasMaxLength(ArticleLimits.SlugLength);
        category.HasIndex(c => c.Slug).IsUnique();
    }
}

public sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.Property(t => t.Name).HasMaxLength(ArticleLimits.TermLength);
        tag.Property(t => t.Slug).HasMaxLength(ArticleLimits.SlugLength);
        tag.HasIndex(t => t.Slug).IsUnique();
    }
}

public sealed class ArticleCategoryConfiguration : IEntityTypeConfiguration<ArticleCategory>
{
    public void Configure(EntityTypeBuilder<ArticleCategory> link)
    {
        link.ToTable("ArticleCategories");
        link.HasKey(l => new { l.ArticleId, l.CategoryId });
        // With the story id in the index, a category's stories are counted and matched against
        // published ids without reading a link row (100,000 stories: ~25,000 links per category).
        link.HasIndex(l => new { l.CategoryId, l.ArticleId });
        link.HasOne(l => l.Article).WithMany(a => a.Categories).HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Category).WithMany(c => c.Articles).HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> link)
    {
        link.ToTable("ArticleTags");
        link.HasKey(l => new { l.ArticleId, l.TagId });
        link.HasIndex(l => new { l.TagId, l.ArticleId });
        link.HasOne(l => l.Article).WithMany(a => a.Tags).HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Tag).WithMany(t => t.Articles).HasForeignKey(l => l.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> redirect)
    {
        redirect.Property(r => r.OldSlug).HasMaxLength(ArticleLimits.SlugLength);
        redirect.HasIndex(r => r.OldSlug).IsUnique();
        redirect.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> reaction)
    {
        reaction.Property(r => r.ReaderId).HasMaxLength(64);
        reaction.HasIndex(r => new { r.ArticleId, r.ReaderId }).IsUnique();
        reaction.HasIndex(r => new { r.ArticleId, r.Kind });
        reaction.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
