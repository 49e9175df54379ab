using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Editing;
using NewsReader.Review;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Review;

/// <summary>
/// Everything a contributor may not do, asked of the services directly (as a tampered circuit
/// could): each is refused with a message that says why, and nothing in the database changes.
/// </summary>
public abstract class ContributorLimitsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly EditingSite _site = new() { Provider = provider, Clock = new FakeTimeProvider(Start) };
    private AsyncServiceScope _editorScope;
    private AsyncServiceScope _contributorScope;
    private StoryEditing _editor = default!;
    private StoryEditing _contributor = default!;

    public async Task InitializeAsync()
    {
        (_editor, _editorScope) = await _site.EditorAsync("editor@example.org", "Edna Editor");
        (_contributor, _contributorScope) = await _site.EditorAsync("contributor@example.org", "Cora Contributor", Roles.Contributor);
    }

    public async Task DisposeAsync()
    {
        await _editorScope.DisposeAsync();
        await _contributorScope.DisposeAsync();
        await _site.DisposeAsync();
    }

    private static StoryDraft Draft(string title, string body = "Body text.") => new(title, Body: body);

    private static async Task<StoryEdit> CreateAsync(StoryEditing who, string title) =>
        Assert.IsType<SaveResult.Saved>(await who.Saver.CreateAsync(Draft(title), default)).Story;

    /// <summary>The story's row and its revisions, to show that a refusal changed neither.</summary>
    private async Task<(Guid Version, DateTime? PublishedAt, DateTime? Submitted, string Body, int Revisions, int Autosaves)> StoredAsync(int id)
    {
        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        var story = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == id);
        return (story.Version, story.PublishedAt, story.SubmittedForReviewAt, story.Body,
            await db.StoryRevisions.CountAsync(r => r.StoryId == id), await db.AutosaveSlots.CountAsync(a => a.StoryId == id));
    }

    private static void AssertRefused(string message, SaveResult result) =>
        Assert.Equal(message, Assert.IsType<SaveResult.Refused>(result).Message);

    [ProviderFact]
    public async Task AContributorWritesTheirOwnDraftAndSubmitsIt()
    {
        var story = await CreateAsync(_contributor, "Allotments open to new growers");

        var submitted = await _contributor.Saver.SaveAsync(story.Id, story.Version, story.Draft with { Summary = "Plots by the river." },
            PublishAction.SubmitForReview, null, default);

        var saved = Assert.IsType<SaveResult.Saved>(submitted).Story;
        Assert.Equal(StoryStatus.InReview, saved.Status);
        Assert.Null(saved.PublishedAt);
        Assert.Equal("Plots by the river.", saved.Draft.Summary);
    }

    [ProviderFact]
    public async Task AContributorCannotPublishScheduleUnpublishDeleteOrChangeALiveStory()
    {
        var own = await CreateAsync(_contributor, "Night market moves indoors");
        var before = await StoredAsync(own.Id);

        var publish = await _contributor.Saver.PublishNowAsync(own.Id, own.Version, own.Draft, default);
        var schedule = await _contributor.Saver.SaveAsync(own.Id, own.Version, own.Draft, PublishAction.Schedule, Start.AddDays(1), default);
        var delete = await _contributor.Saver.DeleteAsync(own.Id, own.Version, default);

        AssertRefused(ContributorRules.MayNotPublish, publish);
        AssertRefused(ContributorRules.MayNotPublish, schedule);
        AssertRefused(ContributorRules.MayNotDelete, delete);
        Assert.Equal(before, await StoredAsync(own.Id));

        // Once an editor published it, the contributor cannot take it down either.
        var published = Assert.IsType<SaveResult.Saved>(await _editor.Saver.PublishNowAsync(own.Id, own.Version, own.Draft, default)).Story;
        var live = await StoredAsync(own.Id);
        var unpublish = await _contributor.Saver.SaveAsync(own.Id, published.Version, published.Draft, PublishAction.Unpublish, null, default);
        var editLive = await _contributor.Saver.SaveDraftAsync(own.Id, published.Version, published.Draft with { Body = "Changed live." }, default);
        var autosaveLive = await _contributor.Autosave.AutosaveAsync(own.Id, published.Version, published.Draft with { Body = "Changed live." }, default);
        AssertRefused(ContributorRules.MayNotPublish, unpublish);
        AssertRefused(ContributorRules.Live, editLive);
        Assert.Equal(ContributorRules.Live, Assert.IsType<AutosaveResult.Refused>(autosaveLive).Message);
        Assert.Equal(live, await StoredAsync(own.Id));
        Assert.NotNull(live.PublishedAt);
    }

    [ProviderFact]
    public async Task AContributorCannotOpenEditOrAutosaveSomeoneElsesStory()
    {
        var theirs = await CreateAsync(_editor, "Council budget agreed");
        var before = await StoredAsync(theirs.Id);
        var changed = theirs.Draft with { Body = "Rewritten by someone who may not." };

        var opened = await _contributor.Saver.GetAsync(theirs.Id, default);
        var save = await _contributor.Saver.SaveDraftAsync(theirs.Id, theirs.Version, changed, default);
        var autosave = await _contributor.Autosave.AutosaveAsync(theirs.Id, theirs.Version, changed, default);
        var delete = await _contributor.Saver.DeleteAsync(theirs.Id, theirs.Version, default);

        Assert.Null(opened);
        AssertRefused(ContributorRules.NotYours, save);
        Assert.Equal(ContributorRules.NotYours, Assert.IsType<AutosaveResult.Refused>(autosave).Message);
        AssertRefused(ContributorRules.MayNotDelete, delete);
        Assert.Equal(before, await StoredAsync(theirs.Id));
        Assert.Null(await _contributor.Autosave.GetAutosaveAsync(theirs.Id, default));
    }

    [ProviderFact]
    public async Task AContributorCannotTouchAStoryFromBeforeStoriesHadOwners()
    {
        var old = await CreateAsync(_editor, "Archive story without an owner");
        await using (var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            await db.Stories.Where(s => s.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.OwnerId, (string?)null));
        }
        var before = await StoredAsync(old.Id);

        var save = await _contributor.Saver.SaveDraftAsync(old.Id, old.Version, old.Draft with { Title = "Mine now" }, default);
        var afterRefusal = await StoredAsync(old.Id);
        var editorSave = await _editor.Saver.SaveDraftAsync(old.Id, old.Version, old.Draft with { Summary = "Editors still may." }, default);

        AssertRefused(ContributorRules.NotYours, save);
        Assert.Equal(before, afterRefusal);
        Assert.IsType<SaveResult.Saved>(editorSave);
    }

    [ProviderFact]
    public async Task AContributorCannotEditOrAutosaveTheirStoryWhileItIsInReview()
    {
        var own = await CreateAsync(_contributor, "Ferry timetable changes");
        var inReview = Assert.IsType<SaveResult.Saved>(
            await _contributor.Saver.SaveAsync(own.Id, own.Version, own.Draft, PublishAction.SubmitForReview, null, default)).Story;
        var before = await StoredAsync(own.Id);
        var changed = inReview.Draft with { Body = "Changed while an editor reads it." };

        var save = await _contributor.Saver.SaveDraftAsync(own.Id, inReview.Version, changed, default);
        var submitAgain = await _contributor.Saver.SaveAsync(own.Id, inReview.Version, changed, PublishAction.SubmitForReview, null, default);
        var autosave = await _contributor.Autosave.AutosaveAsync(own.Id, inReview.Version, changed, default);
        var opened = await _contributor.Saver.GetAsync(own.Id, default);

        AssertRefused(ContributorRules.InReview, save);
        AssertRefused(ContributorRules.InReview, submitAgain);
        Assert.Equal(ContributorRules.InReview, Assert.IsType<AutosaveResult.Refused>(autosave).Message);
        Assert.Equal(before, await StoredAsync(own.Id));
        // They still see it, read-only.
        Assert.Equal(StoryStatus.InReview, opened?.Status);
    }

    [ProviderFact]
    public async Task AContributorCannotReadOrRestoreTheRevisionsOfSomeoneElsesStory()
    {
        var theirs = await CreateAsync(_editor, "Library extends opening hours");
        var edited = Assert.IsType<SaveResult.Saved>(
            await _editor.Saver.SaveDraftAsync(theirs.Id, theirs.Version, theirs.Draft with { Body = "Second text." }, default)).Story;
        var revisionId = (await _editor.Revisions.GetRevisionsAsync(theirs.Id, default))[^1].Id;
        var first = await _editor.Revisions.GetRevisionAsync(theirs.Id, revisionId, default);
        var before = await StoredAsync(theirs.Id);

        var list = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _contributor.Revisions.GetRevisionsAsync(theirs.Id, default));
        var one = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _contributor.Revisions.GetRevisionAsync(theirs.Id, revisionId, default));
        var restore = await _contributor.Saver.SaveDraftAsync(theirs.Id, edited.Version, first!.Draft, default);

        Assert.Equal(ContributorRules.NotYours, list.Message);
        Assert.Equal(ContributorRules.NotYours, one.Message);
        AssertRefused(ContributorRules.NotYours, restore);
        Assert.Equal(before, await StoredAsync(theirs.Id));
    }

    [ProviderFact]
    public async Task AContributorsListHoldsOnlyTheirOwnStories()
    {
        await CreateAsync(_editor, "An editor's story");
        await CreateAsync(_contributor, "A contributor's story");

        var theirs = await _contributor.List.ListAsync(new StoryQuery(), default);
        var all = await _editor.List.ListAsync(new StoryQuery(), default);

        Assert.Equal(["A contributor's story"], theirs.Rows.Select(r => r.Title));
        Assert.Equal(1, theirs.TotalCount);
        Assert.Equal(2, all.TotalCount);
    }

    [ProviderFact]
    public async Task AContributorCannotUseTheReviewQueueCategoriesOrUsers()
    {
        var own = await CreateAsync(_contributor, "Bridge repairs start");
        var inReview = Assert.IsType<SaveResult.Saved>(
            await _contributor.Saver.SaveAsync(own.Id, own.Version, own.Draft, PublishAction.SubmitForReview, null, default)).Story;
        var before = await StoredAsync(own.Id);
        var services = _contributorScope.ServiceProvider;
        var desk = services.GetRequiredService<ReviewDesk>();

        var queue = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => desk.QueueAsync(default));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => desk.CountAsync(default));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => desk.SendBackAsync(own.Id, inReview.Version, "Take it back myself", default));
        var users = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => services.GetRequiredService<UserAdministration>().ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => services.GetRequiredService<UserAdministration>().CreateAsync("new@example.org", SignIn.Password, Roles.Editor, null));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => services.GetRequiredService<CategoryAdmin>().ListAsync(default));

        Assert.Equal("Only signed-in editors may do this.", queue.Message);
        Assert.Equal("Only administrators may do this.", users.Message);
        Assert.Equal(before, await StoredAsync(own.Id));
        await using var scope = _site.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<NewsUser>>().FindByEmailAsync("new@example.org"));
    }
}

public sealed class ContributorLimitsTestsOnSqlite() : ContributorLimitsTests(DatabaseProvider.Sqlite);

public sealed class ContributorLimitsTestsOnPostgres() : ContributorLimitsTests(DatabaseProvider.Postgres);
