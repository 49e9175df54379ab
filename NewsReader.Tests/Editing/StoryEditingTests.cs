using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Stories;
using NewsReader.Data;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

/// <summary>The editing service against a real (temporary) database, SQLite or PostgreSQL, as a signed-in editor.</summary>
public abstract partial class StoryEditingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly EditingSite _site;

    protected StoryEditingTests(DatabaseProvider provider) => _site = new EditingSite { Provider = provider, Clock = _clock };

    public Task InitializeAsync()
    {
        _ = _site.Server; // start the host: migrations run
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    /// <summary>A story created and published with <see cref="Draft"/>: the start of most tests of published stories.</summary>
    private static async Task<StoryEdit> PublishedStoryAsync(StoryEditing editor)
    {
        var created = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;
        return Assert.IsType<SaveResult.Saved>(await editor.Saver.PublishNowAsync(created.Id, created.Version, Draft(), default)).Story;
    }

    private static StoryDraft Draft(string title = "Ferry timetable changes", string body = "The ferry leaves **earlier** from Monday.",
        string slug = "", string categories = "City, Transport", string tags = "ferries") =>
        new(title, slug, "Summary of the change.", "Ana Ferreira", body, "", categories, tags);

    private PublishedStories Readers => _site.GetService<PublishedStories>();

    private async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> query)
    {
        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    [ProviderFact]
    public async Task ANewStoryIsSavedAsADraftThatReadersCannotSee()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;

        var result = await editor.Saver.CreateAsync(Draft(), default);

        var story = Assert.IsType<SaveResult.Saved>(result).Story;
        Assert.Equal(StoryStatus.Draft, story.Status);
        Assert.Equal("ferry-timetable-changes", story.Draft.Slug);
        Assert.Equal("City, Transport", story.Draft.Categories);
        Assert.Null(await Readers.GetPublishedAsync("ferry-timetable-changes", default));
        Assert.Equal(0, (await Readers.GetLatestAsync(1, default)).TotalCount);
    }

    [ProviderFact]
    public async Task PublishingNowPutsTheStoryOnHomeWithItsRenderedBody()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var draft = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;

        var result = await editor.Saver.PublishNowAsync(draft.Id, draft.Version, Draft(), default);

        var story = Assert.IsType<SaveResult.Saved>(result).Story;
        Assert.Equal(StoryStatus.Published, story.Status);
        Assert.Equal(Start.UtcDateTime, story.PublishedAt);
        var view = await Readers.GetPublishedAsync("ferry-timetable-changes", default);
        Assert.NotNull(view);
        Assert.Contains("<strong>earlier</strong>", view.BodyHtml);
        Assert.Equal(["Ferry timetable changes"], (await Readers.GetLatestAsync(1, default)).Items.Select(i => i.Title));
    }

    [ProviderFact]
    public async Task AScheduledStoryAppearsToReadersWhenItsTimeComes()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var draft = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;

        var result = await editor.Saver.SaveAsync(draft.Id, draft.Version, Draft(), PublishAction.Schedule, Start.UtcDateTime.AddHours(2), default);

        Assert.Equal(StoryStatus.Scheduled, Assert.IsType<SaveResult.Saved>(result).Story.Status);
        Assert.Null(await Readers.GetPublishedAsync("ferry-timetable-changes", default));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.NotNull(await Readers.GetPublishedAsync("ferry-timetable-changes", default));
    }

    [ProviderFact]
    public async Task TheSiteAnnouncesAScheduledStoryOnceWhenTheClockPassesItsTime()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var draft = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.SaveAsync(draft.Id, draft.Version, Draft(), PublishAction.Schedule, Start.UtcDateTime.AddHours(2), default));
        var announcer = _site.GetService<ScheduledStories>();
        _site.Changes.Clear();

        // An hour on: the site's own timer has run (and a pass made now waits for it), nothing is due.
        _clock.Advance(TimeSpan.FromHours(1));
        var early = await announcer.AnnounceDueAsync(default);
        Assert.Empty(early);
        Assert.Null(_site.Changes.TakeIfAny());

        // Past its time: the timer's pass announces it, without anyone calling.
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([draft.Id], await _site.Changes.NextAsync(TimeSpan.FromSeconds(30)));

        _clock.Advance(ScheduledStories.CheckEvery);
        var again = await announcer.AnnounceDueAsync(default);
        Assert.Empty(again);
        Assert.Null(_site.Changes.TakeIfAny());
    }

    [ProviderFact]
    public async Task SchedulingInThePastIsRefusedAndSavesNothing()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var draft = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;

        var result = await editor.Saver.SaveAsync(draft.Id, draft.Version, Draft(title: "Changed title"), PublishAction.Schedule, Start.UtcDateTime.AddMinutes(-1), default);

        Assert.IsType<SaveResult.Invalid>(result);
        Assert.Equal("Ferry timetable changes", (await editor.Saver.GetAsync(draft.Id, default))!.Draft.Title);
    }

    [ProviderFact]
    public async Task UnpublishingTakesTheStoryAwayFromReaders()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var published = await PublishedStoryAsync(editor);

        var result = await editor.Saver.SaveAsync(published.Id, published.Version, Draft(), PublishAction.Unpublish, null, default);

        Assert.Equal(StoryStatus.Draft, Assert.IsType<SaveResult.Saved>(result).Story.Status);
        Assert.Null(await Readers.GetPublishedAsync("ferry-timetable-changes", default));
    }

    [ProviderFact]
    public async Task SavingOverAVersionSomeoneElseSavedSavesNothingAndShowsTheirs()
    {
        var (ana, anaScope) = await _site.EditorAsync("ana@example.org", "Ana Ferreira");
        var (ben, benScope) = await _site.EditorAsync("ben@example.org", "Ben Okafor");
        await using var _ = anaScope;
        await using var __ = benScope;
        var opened = Assert.IsType<SaveResult.Saved>(await ana.Saver.CreateAsync(Draft(), default)).Story;
        Assert.IsType<SaveResult.Saved>(await ben.Saver.SaveDraftAsync(opened.Id, opened.Version, Draft(body: "Ben's body."), default));

        var result = await ana.Saver.SaveDraftAsync(opened.Id, opened.Version, Draft(body: "Ana's body."), default);

        var conflict = Assert.IsType<SaveResult.Conflict>(result);
        Assert.Equal("Ben's body.", conflict.Stored.Draft.Body);
        Assert.Equal("Ben Okafor", conflict.SavedBy);
        Assert.Equal("Ben's body.", (await ana.Saver.GetAsync(opened.Id, default))!.Draft.Body);
    }

    [ProviderFact]
    public async Task OverwritingDeliberatelyWithTheStoredVersionSaves()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var opened = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;
        var theirs = Assert.IsType<SaveResult.Saved>(await editor.Saver.SaveDraftAsync(opened.Id, opened.Version, Draft(body: "Theirs."), default)).Story;
        var conflict = Assert.IsType<SaveResult.Conflict>(await editor.Saver.SaveDraftAsync(opened.Id, opened.Version, Draft(body: "Mine."), default));

        var result = await editor.Saver.SaveDraftAsync(opened.Id, conflict.Stored.Version, Draft(body: "Mine."), default);

        Assert.Equal(theirs.Version, conflict.Stored.Version);
        Assert.Equal("Mine.", Assert.IsType<SaveResult.Saved>(result).Story.Draft.Body);
    }

    [ProviderFact]
    public async Task DeletingAStoryChangedSinceItWasOpenedIsAConflict()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var opened = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.SaveDraftAsync(opened.Id, opened.Version, Draft(body: "Newer."), default));

        Assert.IsType<SaveResult.Conflict>(await editor.Saver.DeleteAsync(opened.Id, opened.Version, default));
        Assert.NotNull(await editor.Saver.GetAsync(opened.Id, default));
    }

    [ProviderFact]
    public async Task ChangingAPublishedStorysSlugSendsReadersOfTheOldOneToTheNew()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var published = await PublishedStoryAsync(editor);

        var result = await editor.Saver.SaveDraftAsync(published.Id, published.Version, Draft(slug: "Ferry Times, 2027!"), default);

        var story = Assert.IsType<SaveResult.Saved>(result).Story;
        Assert.Equal("ferry-times-2027", story.Draft.Slug);
        Assert.Equal(StoryStatus.Published, story.Status);
        Assert.Equal("ferry-times-2027", await Readers.FindCurrentSlugAsync("ferry-timetable-changes", default));
    }

    [ProviderFact]
    public async Task ChangingADraftsSlugLeavesNoRedirect()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var created = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;

        Assert.IsType<SaveResult.Saved>(await editor.Saver.SaveDraftAsync(created.Id, created.Version, Draft(slug: "other-slug"), default));

        Assert.Equal(0, await WithDbAsync(db => db.SlugRedirects.CountAsync()));
    }

    [ProviderFact]
    public async Task ASlugAnotherStoryHasIsRefusedWithThatStorysTitle()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default));

        var result = await editor.Saver.CreateAsync(Draft(title: "Another story", slug: "ferry-timetable-changes"), default);

        var taken = Assert.IsType<SaveResult.SlugTaken>(result);
        Assert.Contains("\"Ferry timetable changes\"", taken.Message);
        Assert.Equal(1, await WithDbAsync(db => db.Stories.CountAsync()));
        Assert.Equal("Ferry timetable changes", await editor.Saver.FindSlugOwnerAsync("ferry-timetable-changes", null, default));
    }

    [ProviderFact]
    public async Task AStoryMayTakeAnOldSlugAndThenOwnsIt()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var published = await PublishedStoryAsync(editor);
        Assert.IsType<SaveResult.Saved>(await editor.Saver.SaveDraftAsync(published.Id, published.Version, Draft(slug: "ferry-times"), default));

        var newer = await editor.Saver.CreateAsync(Draft(title: "Ferry timetable changes again", slug: "ferry-timetable-changes"), default);
        var newerStory = Assert.IsType<SaveResult.Saved>(newer).Story;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.PublishNowAsync(newerStory.Id, newerStory.Version, newerStory.Draft, default));

        Assert.Null(await Readers.FindCurrentSlugAsync("ferry-timetable-changes", default));
        Assert.Equal("Ferry timetable changes again", (await Readers.GetPublishedAsync("ferry-timetable-changes", default))!.Title);
    }

    [ProviderFact]
    public async Task InvalidInputSavesNothing()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;

        var result = await editor.Saver.CreateAsync(Draft(title: new string('x', 301)) with { LeadImage = "javascript:alert(1)" }, default);

        var invalid = Assert.IsType<SaveResult.Invalid>(result);
        Assert.Contains(new ValidationError(StoryField.Title, "Title must be at most 300 characters."), invalid.Errors);
        Assert.Contains(invalid.Errors, e => e.Field == StoryField.LeadImage && e.Message.StartsWith("Lead image", StringComparison.Ordinal));
        Assert.Equal(0, await WithDbAsync(db => db.Stories.CountAsync()));
    }

    [ProviderFact]
    public async Task TheStoriesTableFiltersByStatusAndSearchesHeadlines()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var draft = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(title: "Harbour draft"), default)).Story;
        var other = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(title: "Market published"), default)).Story;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.PublishNowAsync(other.Id, other.Version, other.Draft, default));
        var third = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(title: "Harbour scheduled"), default)).Story;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.SaveAsync(third.Id, third.Version, third.Draft, PublishAction.Schedule, Start.UtcDateTime.AddDays(1), default));

        var harbour = await editor.List.ListAsync(new StoryQuery(Search: "HARBOUR", Sort: StorySort.Title, Descending: false), default);
        var scheduled = await editor.List.ListAsync(new StoryQuery(Status: StoryStatus.Scheduled), default);
        var byStatus = await editor.List.ListAsync(new StoryQuery(Sort: StorySort.Status, Descending: false), default);

        Assert.Equal(["Harbour draft", "Harbour scheduled"], harbour.Rows.Select(r => r.Title));
        Assert.Equal(2, harbour.TotalCount);
        Assert.Equal(["Harbour scheduled"], scheduled.Rows.Select(r => r.Title));
        Assert.Equal([StoryStatus.Draft, StoryStatus.Scheduled, StoryStatus.Published], byStatus.Rows.Select(r => r.Status));
        Assert.Equal(draft.Id, byStatus.Rows[0].Id);
    }

    [ProviderFact]
    public async Task ServicesRefuseCallersWithoutTheEditorRole()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var editor = StoryEditing.From(scope.ServiceProvider);
        var state = (Microsoft.AspNetCore.Components.Authorization.IHostEnvironmentAuthenticationStateProvider)
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(new())));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => editor.Saver.CreateAsync(Draft(), default));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<CategoryAdmin>().ListAsync(default));
        Assert.Equal(0, await WithDbAsync(db => db.Stories.CountAsync()));
    }
}

public sealed class StoryEditingTestsOnSqlite() : StoryEditingTests(DatabaseProvider.Sqlite);

public sealed class StoryEditingTestsOnPostgres() : StoryEditingTests(DatabaseProvider.Postgres);
