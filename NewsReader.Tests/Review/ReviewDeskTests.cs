using Microsoft.Extensions.DependencyInjection;
using NewsReader.Data;
using Microsoft.Extensions.Time.Testing;
using NewsReader.Accounts;
using NewsReader.Editing;
using NewsReader.Review;
using NewsReader.Stories;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Review;

/// <summary>The review round: submit, the queue, send back with a note, submit again, publish.</summary>
public abstract class ReviewDeskTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly EditingSite _site;
    private readonly List<AsyncServiceScope> _scopes = [];

    private readonly DatabaseProvider _provider;

    protected ReviewDeskTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new EditingSite { Provider = _provider, Clock = _clock };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }
        await _site.DisposeAsync();
    }

    private async Task<(StoryEditing Editing, ReviewDesk Desk)> AsAsync(string email, string name, string role)
    {
        var (editing, scope) = await _site.EditorAsync(email, name, role);
        _scopes.Add(scope);
        return (editing, scope.ServiceProvider.GetRequiredService<ReviewDesk>());
    }

    private static async Task<StoryEdit> SubmitNewAsync(StoryEditing contributor, string title) =>
        Assert.IsType<SaveResult.Saved>(await contributor.Saver.SaveAsync(
            null, null, new StoryDraft(title, Body: "Body."), PublishAction.SubmitForReview, null, default)).Story;

    [ProviderFact]
    public async Task TheQueueListsSubmittedStoriesOldestFirstWithTheirContributor()
    {
        var (cora, _) = await AsAsync("cora@example.org", "Cora Contributor", Roles.Contributor);
        var (colm, _) = await AsAsync("colm@example.org", "", Roles.Contributor);
        var (editor, desk) = await AsAsync("editor@example.org", "Edna Editor", Roles.Editor);
        await SubmitNewAsync(cora, "First in");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await SubmitNewAsync(colm, "Second in");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await cora.Saver.CreateAsync(new StoryDraft("Still a draft", Body: "Body."), default);
        await editor.Saver.CreateAsync(new StoryDraft("An editor's draft", Body: "Body."), default);

        var queue = await desk.QueueAsync(default);

        Assert.Equal(
            [("First in", "Cora Contributor", Start), ("Second in", "colm@example.org", Start.AddMinutes(5))],
            queue.Select(q => (q.Title, q.Contributor, q.SubmittedAt)));
        Assert.Equal(2, await desk.CountAsync(default));
        var inReview = await editor.List.ListAsync(new StoryQuery(Status: StoryStatus.InReview), default);
        var drafts = await editor.List.ListAsync(new StoryQuery(Status: StoryStatus.Draft), default);
        Assert.Equal(["Second in", "First in"], inReview.Rows.Select(r => r.Title));
        Assert.All(inReview.Rows, r => Assert.Equal(StoryStatus.InReview, r.Status));
        Assert.Equal(["An editor's draft", "Still a draft"], drafts.Rows.Select(r => r.Title));
    }

    [ProviderFact]
    public async Task SentBackTheContributorSeesTheNoteEditsAndSubmitsAgainAndTheEditorPublishes()
    {
        var (contributor, _) = await AsAsync("cora@example.org", "Cora Contributor", Roles.Contributor);
        var (editor, desk) = await AsAsync("editor@example.org", "Edna Editor", Roles.Editor);
        var submitted = await SubmitNewAsync(contributor, "Harbour wall to be rebuilt");

        _clock.Advance(TimeSpan.FromMinutes(30));
        var sentBack = Assert.IsType<SaveResult.Saved>(
            await desk.SendBackAsync(submitted.Id, submitted.Version, "  Add a quote from the harbour master.  ", default)).Story;

        Assert.Equal(StoryStatus.Draft, sentBack.Status);
        Assert.Equal("Add a quote from the harbour master.", sentBack.ReviewNote);
        Assert.Empty(await desk.QueueAsync(default));
        var opened = await contributor.Saver.GetAsync(submitted.Id, default);
        Assert.Equal("Add a quote from the harbour master.", opened!.ReviewNote);
        var row = Assert.Single((await contributor.List.ListAsync(new StoryQuery(), default)).Rows);
        Assert.Equal(("Add a quote from the harbour master.", StoryStatus.Draft), (row.ReviewNote, row.Status));

        var revised = opened.Draft with { Body = "\"We start in May,\" the harbour master said." };
        var resubmitted = Assert.IsType<SaveResult.Saved>(await contributor.Saver.SaveAsync(
            opened.Id, opened.Version, revised, PublishAction.SubmitForReview, null, default)).Story;
        Assert.Equal(StoryStatus.InReview, resubmitted.Status);
        Assert.Null(resubmitted.ReviewNote);
        Assert.Equal(Start.AddMinutes(30), Assert.Single(await desk.QueueAsync(default)).SubmittedAt);

        var published = Assert.IsType<SaveResult.Saved>(
            await editor.Saver.PublishNowAsync(resubmitted.Id, resubmitted.Version, resubmitted.Draft, default)).Story;
        Assert.Equal(StoryStatus.Published, published.Status);
        Assert.Empty(await desk.QueueAsync(default));
        Assert.Equal(0, await desk.CountAsync(default));
        var actions = (await editor.Revisions.GetRevisionsAsync(published.Id, default)).Select(r => (r.Action, r.UserName));
        Assert.Equal(
            [("Published", "Edna Editor"), ("Submitted for review", "Cora Contributor"), ("Sent back", "Edna Editor"), ("Submitted for review", "Cora Contributor")],
            actions);
    }

    [ProviderFact]
    public async Task AnEditorMayScheduleAStoryInReview()
    {
        var (contributor, _) = await AsAsync("cora@example.org", "Cora Contributor", Roles.Contributor);
        var (editor, desk) = await AsAsync("editor@example.org", "Edna Editor", Roles.Editor);
        var submitted = await SubmitNewAsync(contributor, "Summer timetable");

        var scheduled = Assert.IsType<SaveResult.Saved>(await editor.Saver.SaveAsync(
            submitted.Id, submitted.Version, submitted.Draft, PublishAction.Schedule, Start.AddDays(1), default)).Story;

        Assert.Equal(StoryStatus.Scheduled, scheduled.Status);
        Assert.Empty(await desk.QueueAsync(default));
    }

    [ProviderFact]
    public async Task SendingBackNeedsANoteAStoryInReviewAndTheCurrentVersion()
    {
        var (contributor, _) = await AsAsync("cora@example.org", "Cora Contributor", Roles.Contributor);
        var (editor, desk) = await AsAsync("editor@example.org", "Edna Editor", Roles.Editor);
        var submitted = await SubmitNewAsync(contributor, "Market hall roof");
        var draft = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(new StoryDraft("Plain draft", Body: "Body."), default)).Story;

        var noNote = await desk.SendBackAsync(submitted.Id, submitted.Version, "   ", default);
        var stale = await desk.SendBackAsync(submitted.Id, Guid.NewGuid(), "Shorter, please.", default);
        var notInReview = await desk.SendBackAsync(draft.Id, draft.Version, "Shorter, please.", default);
        var missing = await desk.SendBackAsync(9999, Guid.NewGuid(), "Shorter, please.", default);

        Assert.Equal([new ValidationError(StoryField.ReviewNote, ReviewDesk.NoteRequired)], Assert.IsType<SaveResult.Invalid>(noNote).Errors);
        Assert.IsType<SaveResult.Conflict>(stale);
        Assert.Equal(ReviewDesk.NotInReview, Assert.IsType<SaveResult.Refused>(notInReview).Message);
        Assert.IsType<SaveResult.NotFound>(missing);
        Assert.Single(await desk.QueueAsync(default));
    }
}

public sealed class ReviewDeskTestsOnSqlite() : ReviewDeskTests(DatabaseProvider.Sqlite);

public sealed class ReviewDeskTestsOnPostgres() : ReviewDeskTests(DatabaseProvider.Postgres);
