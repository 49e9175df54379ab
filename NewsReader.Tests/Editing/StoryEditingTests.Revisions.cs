using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Stories;
using NewsReader.Data;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

/// <summary>Revisions through the editing service.</summary>
public abstract partial class StoryEditingTests
{
    [ProviderFact]
    public async Task DeletingRemovesTheStoryAndItsRevisions()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var opened = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;
        var published = Assert.IsType<SaveResult.Saved>(await editor.Saver.PublishNowAsync(opened.Id, opened.Version, Draft(), default)).Story;

        Assert.IsType<SaveResult.Deleted>(await editor.Saver.DeleteAsync(published.Id, published.Version, default));

        Assert.Null(await editor.Saver.GetAsync(opened.Id, default));
        Assert.Null(await Readers.GetPublishedAsync("ferry-timetable-changes", default));
        Assert.Equal(0, await WithDbAsync(db => db.StoryRevisions.CountAsync()));
    }

    [ProviderFact]
    public async Task EveryExplicitSaveKeepsARevisionWithWhoAndWhatButAutosaveDoesNot()
    {
        var (editor, scope) = await _site.EditorAsync("ana@example.org", "Ana Ferreira");
        await using var _ = scope;
        var created = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(body: "First."), default)).Story;
        _clock.Advance(TimeSpan.FromMinutes(1));
        var autosaved = Assert.IsType<AutosaveResult.DraftSaved>(await editor.Autosave.AutosaveAsync(created.Id, created.Version, Draft(body: "Typing…"), default)).Story;
        _clock.Advance(TimeSpan.FromMinutes(1));
        var published = Assert.IsType<SaveResult.Saved>(await editor.Saver.PublishNowAsync(created.Id, autosaved.Version, Draft(body: "Second."), default)).Story;

        var revisions = await editor.Revisions.GetRevisionsAsync(created.Id, default);

        Assert.Equal(["Published", "Saved draft"], revisions.Select(r => r.Action));
        Assert.All(revisions, r => Assert.Equal("Ana Ferreira", r.UserName));
        Assert.Equal(published.UpdatedAt, revisions[0].CreatedAt);
        var first = await editor.Revisions.GetRevisionAsync(created.Id, revisions[1].Id, default);
        Assert.Equal("First.", first!.Draft.Body);
        Assert.Equal("City, Transport", first.Draft.Categories);
    }

    [ProviderFact]
    public async Task SavingARestoredRevisionKeepsItAsANewRevision()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var first = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(body: "Original words."), default)).Story;
        var second = Assert.IsType<SaveResult.Saved>(await editor.Saver.SaveDraftAsync(first.Id, first.Version, Draft(body: "Worse words."), default)).Story;
        var oldest = (await editor.Revisions.GetRevisionsAsync(first.Id, default))[^1];
        var restored = (await editor.Revisions.GetRevisionAsync(first.Id, oldest.Id, default))!.Draft;

        var result = await editor.Saver.SaveDraftAsync(first.Id, second.Version, restored, default);

        Assert.Equal("Original words.", Assert.IsType<SaveResult.Saved>(result).Story.Draft.Body);
        Assert.Equal(3, (await editor.Revisions.GetRevisionsAsync(first.Id, default)).Count);
    }
}
