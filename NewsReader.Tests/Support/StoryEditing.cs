using Microsoft.Extensions.DependencyInjection;
using NewsReader.Editing;

namespace NewsReader.Tests.Support;

/// <summary>The editor's services as one signed-in editor's scope holds them.</summary>
public sealed record StoryEditing(StoryList List, StorySaver Saver, StoryAutosave Autosave, StoryRevisions Revisions)
{
    public static StoryEditing From(IServiceProvider services) => new(
        services.GetRequiredService<StoryList>(),
        services.GetRequiredService<StorySaver>(),
        services.GetRequiredService<StoryAutosave>(),
        services.GetRequiredService<StoryRevisions>());
}

/// <summary>The three saves tests make most, spelled the way a test reads.</summary>
public static class StorySaverShortcuts
{
    public static Task<SaveResult> CreateAsync(this StorySaver saver, StoryDraft draft, CancellationToken cancellationToken) =>
        saver.SaveAsync(null, null, draft, PublishAction.Keep, null, cancellationToken);

    public static Task<SaveResult> SaveDraftAsync(this StorySaver saver, int id, Guid version, StoryDraft draft, CancellationToken cancellationToken) =>
        saver.SaveAsync(id, version, draft, PublishAction.Keep, null, cancellationToken);

    public static Task<SaveResult> PublishNowAsync(this StorySaver saver, int id, Guid version, StoryDraft draft, CancellationToken cancellationToken) =>
        saver.SaveAsync(id, version, draft, PublishAction.PublishNow, null, cancellationToken);
}
