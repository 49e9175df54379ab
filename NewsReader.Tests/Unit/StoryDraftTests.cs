using NewsReader.Editing;

namespace NewsReader.Tests.Unit;

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
    public void ValidationMessagesAreGroupedByTheFieldTheyAreAbout()
    {
        var draft = new StoryDraft("T", Categories: "Fine, ###", Tags: "@@@");
        string[] errors =
        [
            "Title must be at most 300 characters.",
            "Body must be at most 1 MB.",
            "Lead image must be an http or https URL, or a path on this site such as /images/photo.jpg.",
            "\"###\" is not a usable category or tag name.",
            "\"@@@\" is not a usable category or tag name.",
            "Slug must contain at least one letter or digit.",
        ];

        var byField = EditorValidation.ByField(errors, draft);

        Assert.Equal("Title must be at most 300 characters.", byField[EditorField.Title]);
        Assert.Equal("Body must be at most 1 MB.", byField[EditorField.Body]);
        Assert.StartsWith("Lead image", byField[EditorField.LeadImage]);
        Assert.Equal("\"###\" is not a usable category or tag name.", byField[EditorField.Categories]);
        Assert.Equal("\"@@@\" is not a usable category or tag name.", byField[EditorField.Tags]);
        Assert.StartsWith("Slug", byField[EditorField.Slug]);
    }
}
