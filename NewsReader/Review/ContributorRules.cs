using NewsReader.Accounts;
using NewsReader.Editing;

namespace NewsReader.Review;

/// <summary>
/// What a contributor may do, as plain rules the story services apply before they change anything:
/// a contributor writes their own drafts and submits them for review; publishing, scheduling,
/// unpublishing and deleting are for editors, and so is every story they do not own and every story
/// readers can see (or will, when scheduled). While a story is in review it is the editors' turn,
/// and its contributor only reads it until it is sent back.
/// Editors and admins may do everything here.
/// </summary>
public static class ContributorRules
{
    public const string NotYours = "Contributors may only open and change their own stories; this one belongs to someone else.";
    public const string InReview = "This story is in review: an editor has it now. You can edit it again if it is sent back to you.";
    public const string MayNotPublish = "Contributors cannot publish, schedule or unpublish a story: submit it for review and an editor will.";
    public const string MayNotDelete = "Contributors cannot delete stories; ask an editor.";
    public const string OnlyDrafts = "Only a draft can be submitted for review.";
    public const string Live = "This story is published or scheduled: only an editor can change it now.";

    /// <summary>Why <paramref name="user"/> may not read a story owned by <paramref name="ownerId"/>; null when they may.</summary>
    public static string? RefuseReading(CurrentEditor user, string? ownerId) =>
        user.IsEditor || (user.IsContributor && ownerId is not null && ownerId == user.UserId) ? null : NotYours;

    /// <summary>
    /// Why <paramref name="user"/> may not save <paramref name="action"/> to the story (null: a new
    /// story); null when they may. The story's owner and whether it is in review are as stored now.
    /// </summary>
    public static string? RefuseSaving(CurrentEditor user, StoryState? story, PublishAction action)
    {
        if (action == PublishAction.SubmitForReview && story is { IsDraft: false })
        {
            return OnlyDrafts;
        }
        if (user.IsEditor)
        {
            return null;
        }
        if (story is not null && RefuseReading(user, story.OwnerId) is { } notYours)
        {
            return notYours;
        }
        if (story is { InReview: true })
        {
            return InReview;
        }
        if (story is { IsDraft: false })
        {
            // Saving a live story changes what readers see: that is publishing, which is for editors.
            return action == PublishAction.Keep ? Live : MayNotPublish;
        }
        return action is PublishAction.Keep or PublishAction.SubmitForReview ? null : MayNotPublish;
    }

    /// <summary>Why <paramref name="user"/> may not delete a story; null when they may.</summary>
    public static string? RefuseDeleting(CurrentEditor user) => user.IsEditor ? null : MayNotDelete;

    /// <summary>
    /// Whether the editor page should show the story without letting <paramref name="user"/> change
    /// it: a contributor changes only drafts that are not in review.
    /// </summary>
    public static bool ReadOnlyFor(CurrentEditor? user, StoryStatus status) =>
        user is not { IsEditor: true } && status != StoryStatus.Draft;
}

/// <summary>The stored facts about a story that the rules look at.</summary>
public sealed record StoryState(string? OwnerId, bool IsDraft, bool InReview);
