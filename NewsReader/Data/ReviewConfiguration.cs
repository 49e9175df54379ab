using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsReader.Data;

/// <summary>The review columns of a story: who owns it, when it was submitted, the note it was sent back with.</summary>
public static class ReviewConfiguration
{
    public const int NoteLength = 2000;

    public static void ConfigureReview(this EntityTypeBuilder<Story> story)
    {
        story.Property(a => a.OwnerId).HasMaxLength(450);
        story.Property(a => a.ReviewNote).HasMaxLength(NoteLength);
        // A contributor's list shows only their own stories.
        story.HasIndex(a => a.OwnerId);
        // The review queue: drafts with a submission time, oldest first.
        story.HasIndex(a => a.SubmittedForReviewAt);
    }
}
