using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Stories;
using NewsReader.Data;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

/// <summary>Autosave through the editing service: never a story readers see changed, never an untitled one.</summary>
public abstract partial class StoryEditingTests
{
    [ProviderFact]
    public async Task AutosaveNeverCreatesAStoryWithoutATitle()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;

        var result = await editor.Autosave.AutosaveAsync(null, null, Draft(title: "   ", body: "Some words typed first."), default);

        Assert.IsType<AutosaveResult.Skipped>(result);
        Assert.Equal(0, await WithDbAsync(db => db.Stories.CountAsync()));
    }

    [ProviderFact]
    public async Task AutosaveOfANewStoryWithATitleCreatesADraftNotAPublishedStory()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;

        var result = await editor.Autosave.AutosaveAsync(null, null, Draft(), default);

        var story = Assert.IsType<AutosaveResult.DraftSaved>(result).Story;
        Assert.Equal(StoryStatus.Draft, story.Status);
        Assert.Empty(await editor.Revisions.GetRevisionsAsync(story.Id, default));
        Assert.Equal(0, (await Readers.GetLatestAsync(1, default)).TotalCount);
    }

    [ProviderFact]
    public async Task AutosaveOfAPublishedStoryChangesNothingReadersSeeAndKeepsTheCopyAside()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var published = await PublishedStoryAsync(editor);

        var result = await editor.Autosave.AutosaveAsync(published.Id, published.Version, Draft(body: "Half-typed new paragraph"), default);

        Assert.Null(Assert.IsType<AutosaveResult.CopyKept>(result).Conflict);
        Assert.DoesNotContain("Half-typed", (await Readers.GetPublishedAsync("ferry-timetable-changes", default))!.BodyHtml);
        Assert.Equal(published.Version, (await editor.Saver.GetAsync(published.Id, default))!.Version);
        var copy = await editor.Autosave.GetAutosaveAsync(published.Id, default);
        Assert.Equal("Half-typed new paragraph", copy!.Draft.Body);
        Assert.Equal(published.Version, copy.BaseVersion);
    }

    [ProviderFact]
    public async Task AnAutosavedCopyIsPrivateToItsEditorAndGoneAfterTheirSave()
    {
        var (ana, anaScope) = await _site.EditorAsync("ana@example.org");
        var (ben, benScope) = await _site.EditorAsync("ben@example.org");
        await using var _ = anaScope;
        await using var __ = benScope;
        var created = Assert.IsType<SaveResult.Saved>(await ana.Saver.CreateAsync(Draft(), default)).Story;
        var published = Assert.IsType<SaveResult.Saved>(await ana.Saver.PublishNowAsync(created.Id, created.Version, Draft(), default)).Story;
        await ana.Autosave.AutosaveAsync(published.Id, published.Version, Draft(body: "Ana's unsaved words"), default);

        Assert.Null(await ben.Autosave.GetAutosaveAsync(published.Id, default));
        Assert.IsType<SaveResult.Saved>(await ana.Saver.SaveDraftAsync(published.Id, published.Version, Draft(body: "Ana's unsaved words"), default));
        Assert.Null(await ana.Autosave.GetAutosaveAsync(published.Id, default));
    }

    [ProviderFact]
    public async Task AutosaveOverSomeoneElsesSaveKeepsTheCopyAsideInsteadOfOverwriting()
    {
        var (ana, anaScope) = await _site.EditorAsync("ana@example.org");
        var (ben, benScope) = await _site.EditorAsync("ben@example.org");
        await using var _ = anaScope;
        await using var __ = benScope;
        var opened = Assert.IsType<SaveResult.Saved>(await ana.Saver.CreateAsync(Draft(), default)).Story;
        Assert.IsType<SaveResult.Saved>(await ben.Saver.SaveDraftAsync(opened.Id, opened.Version, Draft(body: "Ben's."), default));

        var result = await ana.Autosave.AutosaveAsync(opened.Id, opened.Version, Draft(body: "Ana's."), default);

        Assert.Equal("Ben's.", Assert.IsType<AutosaveResult.CopyKept>(result).Conflict!.Stored.Draft.Body);
        Assert.Equal("Ben's.", (await ana.Saver.GetAsync(opened.Id, default))!.Draft.Body);
        Assert.Equal("Ana's.", (await ana.Autosave.GetAutosaveAsync(opened.Id, default))!.Draft.Body);
    }
}
