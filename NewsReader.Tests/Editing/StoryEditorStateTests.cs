using NewsReader.Stories;
using NewsReader.Editing;

namespace NewsReader.Tests.Editing;

public sealed class StoryEditorStateTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private static StoryEdit Stored(StoryDraft draft, StoryStatus status = StoryStatus.Draft) =>
        new(7, Guid.NewGuid(), draft, status, status == StoryStatus.Draft ? null : Now, Now);

    [Fact]
    public void AnOpenedStoryIsNotDirtyUntilAFieldChanges()
    {
        var state = new StoryEditorState();
        state.Show(Stored(new StoryDraft("Harbour plan", "harbour-plan", Body: "Body.")));

        Assert.False(state.TrackDirty(Now));
        state.Summary = "A new summary.";

        Assert.True(state.TrackDirty(Now));
        Assert.Equal(Now, state.DirtySince);
    }

    [Fact]
    public void DirtySinceKeepsTheFirstChangeAndClearsWhenTheTextIsBackAsSaved()
    {
        var state = new StoryEditorState();
        state.Show(Stored(new StoryDraft("Title", "title", Body: "One")));

        state.SetBody("One.");
        state.TrackDirty(Now);
        state.SetBody("One..");
        state.TrackDirty(Now.AddSeconds(5));
        Assert.Equal(Now, state.DirtySince);

        state.SetBody("One");
        Assert.False(state.TrackDirty(Now.AddSeconds(6)));
        Assert.Null(state.DirtySince);
    }

    [Fact]
    public void ABodyTheBrowserReportsAsTooLongIsDirtyAndAnError()
    {
        var state = new StoryEditorState();
        state.SetTitle("Too long");

        state.BodyIsTooLong(3 * 1024 * 1024);
        state.Validate();

        Assert.True(state.IsDirty);
        Assert.Equal("Body must be at most 1 MB (it is 3.0 MB).", state.ErrorOf(StoryField.Body));
    }

    [Fact]
    public void AfterASaveTheSnapshotIsWhatWasSent()
    {
        var state = new StoryEditorState();
        state.SetTitle("Night buses return");
        state.SetBody("From Friday.");
        var sent = state.Current;

        state.Snapshot(sent);
        state.ClearDirty();

        Assert.False(state.IsDirty);
        Assert.Equal(sent, state.Saved);
        state.Tags = "Transport";
        Assert.True(state.IsDirty);
    }

    [Fact]
    public void TypingAfterWhatWasSentStaysDirtyAfterTheSnapshot()
    {
        var state = new StoryEditorState();
        state.SetTitle("Night buses");
        var sent = state.Current;

        state.SetBody("Typed while the save was on its way.");
        state.Snapshot(sent);

        Assert.True(state.IsDirty);
    }

    [Fact]
    public void TheSlugFollowsTheTitleUntilItIsTypedAndAgainWhenEmptied()
    {
        var state = new StoryEditorState();
        state.SetTitle("Tram line 4 opens");
        Assert.Equal("tram-line-4-opens", state.Slug);

        state.SetSlug("tram-4");
        state.SetTitle("Tram line 4 opens today");
        Assert.Equal("tram-4", state.Slug);

        state.SetSlug("");
        state.SetTitle("Second title");
        Assert.Equal("second-title", state.Slug);
    }

    [Fact]
    public void AMissingTitleIsAnErrorOnlyOnceASaveWasTried()
    {
        var state = new StoryEditorState();
        state.SetBody("A body without a title.");

        state.Validate();
        Assert.False(state.HasErrors);

        state.AttemptedSave = true;
        state.Validate();
        Assert.Equal("Title is required.", state.ErrorOf(StoryField.Title));
    }

    [Fact]
    public void ValidationPutsEachMessageAtItsField()
    {
        var state = new StoryEditorState();
        state.SetTitle(new string('a', 301));
        state.LeadImage = "javascript:alert(1)";
        state.Categories = "City, ###";

        state.Validate();

        Assert.Equal("Title must be at most 300 characters.", state.ErrorOf(StoryField.Title));
        Assert.StartsWith("Lead image must be an http or https URL", state.ErrorOf(StoryField.LeadImage));
        Assert.Equal("\"###\" is not a usable category or tag name.", state.ErrorOf(StoryField.Categories));
        Assert.False(state.HasError(StoryField.Tags));
    }

    [Fact]
    public void ASlugAnotherStoryUsesIsAnErrorAtTheSlug()
    {
        var state = new StoryEditorState();
        state.SetTitle("Market opens");

        state.SlugOwner = "Market opens";
        state.Validate();

        Assert.Equal("The slug \"market-opens\" is already used by the story \"Market opens\". Choose another slug.", state.ErrorOf(StoryField.Slug));
    }

    [Fact]
    public void FixingTheLastErrorClearsTheFormMessage()
    {
        var state = new StoryEditorState { AttemptedSave = true };
        state.Validate();
        state.FormMessage = "Nothing was saved: fix the marked fields first.";

        state.SetTitle("Now with a title");
        state.Validate();

        Assert.Null(state.FormMessage);
    }

    [Fact]
    public void TwoErrorsAboutOneFieldAreShownTogether()
    {
        var state = new StoryEditorState();

        state.ShowErrors([new(StoryField.Tags, "\"#\" is not a usable category or tag name."), new(StoryField.Tags, "\"@\" is not a usable category or tag name.")]);

        Assert.Equal("\"#\" is not a usable category or tag name. \"@\" is not a usable category or tag name.", state.ErrorOf(StoryField.Tags));
    }
}
