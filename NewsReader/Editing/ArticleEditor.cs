namespace NewsReader.Editing;

/// <summary>
/// The story editor page's one entry point while that page is being split into components: each
/// call goes straight to the service that does the job (<see cref="StoryList"/>,
/// <see cref="StorySaver"/>, <see cref="StoryAutosave"/>, <see cref="StoryRevisions"/>). Code other
/// than the editor page and its tests uses those services directly.
/// </summary>
public sealed class ArticleEditor(StoryList list, StorySaver saver, StoryAutosave autosave, StoryRevisions revisions)
{
    public Task<StoryTable> ListAsync(StoryQuery query, CancellationToken cancellationToken) =>
        list.ListAsync(query, cancellationToken);

    public Task<StoryEdit?> GetAsync(int id, CancellationToken cancellationToken) =>
        saver.GetAsync(id, cancellationToken);

    public Task<string?> FindSlugOwnerAsync(string slug, int? exceptId, CancellationToken cancellationToken) =>
        saver.FindSlugOwnerAsync(slug, exceptId, cancellationToken);

    public Task<SaveResult> CreateAsync(StoryDraft draft, CancellationToken cancellationToken) =>
        saver.SaveAsync(null, null, draft, PublishAction.Keep, null, cancellationToken);

    public Task<SaveResult> SaveDraftAsync(int id, Guid version, StoryDraft draft, CancellationToken cancellationToken) =>
        saver.SaveAsync(id, version, draft, PublishAction.Keep, null, cancellationToken);

    public Task<SaveResult> PublishNowAsync(int id, Guid version, StoryDraft draft, CancellationToken cancellationToken) =>
        saver.SaveAsync(id, version, draft, PublishAction.PublishNow, null, cancellationToken);

    public Task<SaveResult> SaveAsync(
        int? id, Guid? expectedVersion, StoryDraft draft, PublishAction action, DateTime? publishAtUtc,
        CancellationToken cancellationToken) =>
        saver.SaveAsync(id, expectedVersion, draft, action, publishAtUtc, cancellationToken);

    public Task<SaveResult> DeleteAsync(int id, Guid expectedVersion, CancellationToken cancellationToken) =>
        saver.DeleteAsync(id, expectedVersion, cancellationToken);

    public Task<AutosaveResult> AutosaveAsync(int? id, Guid? expectedVersion, StoryDraft draft, CancellationToken cancellationToken) =>
        autosave.AutosaveAsync(id, expectedVersion, draft, cancellationToken);

    public Task<AutosaveCopy?> GetAutosaveAsync(int id, CancellationToken cancellationToken) =>
        autosave.GetAutosaveAsync(id, cancellationToken);

    public Task DiscardAutosaveAsync(int id, CancellationToken cancellationToken) =>
        autosave.DiscardAutosaveAsync(id, cancellationToken);

    public Task<IReadOnlyList<RevisionSummary>> GetRevisionsAsync(int id, CancellationToken cancellationToken) =>
        revisions.GetRevisionsAsync(id, cancellationToken);

    public Task<Revision?> GetRevisionAsync(int id, long revisionId, CancellationToken cancellationToken) =>
        revisions.GetRevisionAsync(id, revisionId, cancellationToken);
}
