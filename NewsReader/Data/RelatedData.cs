using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Data;

/// <summary>One entry of a story's stored related-story list (kept a few longer than shown; see RelatedStoriesUpdater).</summary>
public class RelatedStory
{
    public int StoryId { get; set; }
    public int Rank { get; set; }

    /// <summary>No foreign key: when a related story is deleted, the lists naming it must still be found to recompute them.</summary>
    public int RelatedStoryId { get; set; }

    public double Score { get; set; }
}

/// <summary>One of a story's strongest terms with its TF-IDF weight: a row of the inverted index.</summary>
public class StoryTerm
{
    public int StoryId { get; set; }
    public required string Term { get; set; }
    public float Weight { get; set; }
}

/// <summary>
/// Every term of a story with its count ("tram 4 line 3 ..."). Kept so that when the story changes
/// or goes, the document frequencies of its old terms can be taken back; for that reason it has no
/// foreign key and outlives a deleted story until the updater has seen the deletion.
/// </summary>
public class StoryTermCount
{
    public int StoryId { get; set; }
    public required string Terms { get; set; }
}

/// <summary>In how many stories a term occurs: the document frequency behind the IDF weight.</summary>
public class TermStat
{
    public required string Term { get; set; }
    public int Documents { get; set; }
}

public sealed class RelatedStoryConfiguration : IEntityTypeConfiguration<RelatedStory>
{
    public void Configure(EntityTypeBuilder<RelatedStory> related)
    {
        related.ToTable("RelatedArticles");
        related.HasKey(r => new { r.StoryId, r.Rank });
        related.HasIndex(r => r.RelatedStoryId);
        related.HasOne<Story>().WithMany().HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoryTermConfiguration : IEntityTypeConfiguration<StoryTerm>
{
    public void Configure(EntityTypeBuilder<StoryTerm> term)
    {
        term.ToTable("ArticleTerms");
        term.HasKey(t => new { t.StoryId, t.Term });
        term.Property(t => t.Term).HasMaxLength(100);
        // Covering and by weight within a term: related-story candidates are each term's strongest
        // postings, read from the index alone.
        term.HasIndex(t => new { t.Term, t.Weight, t.StoryId });
        term.HasOne<Story>().WithMany().HasForeignKey(t => t.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoryTermCountConfiguration : IEntityTypeConfiguration<StoryTermCount>
{
    public void Configure(EntityTypeBuilder<StoryTermCount> counts)
    {
        counts.ToTable("ArticleTermCounts");
        counts.HasKey(c => c.StoryId);
        counts.Property(c => c.StoryId).ValueGeneratedNever();
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
