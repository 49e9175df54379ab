using NewsReader.Stories;
using NewsReader.Editing;

namespace NewsReader.Tests.Editing;

public sealed class StoryDraftTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void CommaSeparatedTermsAreTrimmedAndEmptyOnesDropped()
    {
        Assert.Equal(["City", "Transport", "Night buses"], StoryDraft.SplitTerms(" City ,Transport,, Night buses ,"));
    }

    [Fact]
    public void TermsAreJoinedWithACommaAndASpace()
    {
        Assert.Equal("City, Transport", StoryDraft.JoinTerms(["City", "Transport"]));
    }

    [Fact]
    public void LineEndingsAndSpacingAroundCommasAreNotAChange()
    {
        var saved = new StoryDraft("Title", "title", Body: "One\nTwo", Categories: "City, Transport");
        var typed = new StoryDraft("Title ", "title", Body: "One\r\nTwo", Categories: "City,Transport");

        Assert.True(typed.SameContentAs(saved));
    }

    [Fact]
    public void AnyOtherDifferenceIsAChange()
    {
        var saved = new StoryDraft("Title", "title", Body: "One");

        Assert.False((saved with { Body = "One." }).SameContentAs(saved));
        Assert.False((saved with { Tags = "new" }).SameContentAs(saved));
        Assert.False((saved with { Categories = "B, A" }).SameContentAs(saved with { Categories = "A, B" }));
    }

    [Fact]
    public void StatusFollowsThePublicationTime()
    {
        Assert.Equal(StoryStatus.Draft, StoryDraft.StatusOf(null, Now));
        Assert.Equal(StoryStatus.Scheduled, StoryDraft.StatusOf(Now.AddSeconds(1), Now));
        Assert.Equal(StoryStatus.Published, StoryDraft.StatusOf(Now, Now));
    }

    [Fact]
    public void AnEmptySlugOrImageIsLeftForTheSaveToDerive()
    {
        var input = new StoryDraft("Title", " ", LeadImage: "", Tags: "a, b").ToInput(null);

        Assert.Null(input.Slug);
        Assert.Null(input.LeadImage);
        Assert.Equal(["a", "b"], input.Tags);
    }

    [Fact]
    public void ValidationMessagesAreTiedToTheFieldTheyAreAbout()
    {
        var draft = new StoryDraft(new string('t', 301), "!!!", Body: new string('b', 1024 * 1024 + 1),
            LeadImage: "javascript:alert(1)", Categories: "Fine, ###", Tags: "@@@");

        var byField = draft.ToInput(null).Validate().ToDictionary(e => e.Field, e => e.Message);

        Assert.Equal("Title must be at most 300 characters.", byField[StoryField.Title]);
        Assert.Equal("Body must be at most 1 MB.", byField[StoryField.Body]);
        Assert.StartsWith("Lead image", byField[StoryField.LeadImage]);
        Assert.Equal("\"###\" is not a usable category or tag name.", byField[StoryField.Categories]);
        Assert.Equal("\"@@@\" is not a usable category or tag name.", byField[StoryField.Tags]);
        Assert.StartsWith("Slug", byField[StoryField.Slug]);
    }
}
