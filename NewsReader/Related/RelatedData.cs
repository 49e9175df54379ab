using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsReader.Data;

namespace NewsReader.Related;

/// <summary>One entry of a story's stored related-story list (kept a few longer than shown; see RelatedStoriesUpdater).</summary>
public class RelatedArticle
{
    public int ArticleId { get; set; }
    public int Rank { get; set; }

    /// <summary>No foreign key: when a related story is deleted, the lists naming it must still be found to recompute them.</summary>
    public int RelatedArticleId { get; set; }

    public double Score { get; set; }
}

/// <summary>One of a story's strongest terms with its TF-IDF weight: a row of the inverted index.</summary>
public class ArticleTerm
{
    public int ArticleId { get; set; }
    public required string Term { get; set; }
    public float Weight { get; set; }
}

/// <summary>
/// Every term of a story with its count ("tram 4 line 3 ..."). Kept so that when the story changes
/// or goes, the document frequencies of its old terms can be taken back; for that reason it has no
/// foreign key and outlives a deleted story until the updater has seen the deletion.
/// </summary>
public class ArticleTermCount
{
    public int ArticleId { get; set; }
    public required string Terms { get; set; }
}

/// <summary>In how many stories a term occurs: the document frequency behind the IDF weight.</summary>
public class TermStat
{
    public required string Term { get; set; }
    public int Documents { get; set; }
}

public sealed class RelatedArticleConfiguration : IEntityTypeConfiguration<RelatedArticle>
{
    public void Configure(EntityTypeBuilder<RelatedArticle> related)
    {
        related.ToTable("RelatedArticles");
        related.HasKey(r => new { r.ArticleId, r.Rank });
        related.HasIndex(r => r.RelatedArticleId);
        related.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ArticleTermConfiguration : IEntityTypeConfiguration<ArticleTerm>
{
    public void Configure(EntityTypeBuilder<ArticleTerm> term)
    {
        term.ToTable("ArticleTerms");
        term.HasKey(t => new { t.ArticleId, t.Term });
        term.Property(t => t.Term).HasMaxLength(100);
        // Covering: a posting list is read from the index alone.
        term.HasIndex(t => new { t.Term, t.ArticleId, t.Weight });
        term.HasOne<Article>().WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ArticleTermCountConfiguration : IEntityTypeConfiguration<ArticleTermCount>
{
    public void Configure(EntityTypeBuilder<ArticleTermCount> counts)
    {
        counts.ToTable("ArticleTermCounts");
        counts.HasKey(c => c.ArticleId);
        counts.Property(c => c.ArticleId).ValueGeneratedNever();
    }
}

public sealed class TermStatConfiguration : IEntityTypeConfiguration<TermStat>
{
    public void Configure(EntityTypeBuilder<TermStat> stat)
    {
        stat.ToTable("TermStats");
        stat.HasKey(s => s.Term);
        stat.Property(s => s.Term).HasMaxLength(100);
    }
}
