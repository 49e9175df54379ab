namespace NewsReader.Stories;

/// <summary>When a listener runs: what is stored from the stories first, then what is shown from it.</summary>
public enum ChangeStage
{
    /// <summary>Data kept beside the stories (the related-story lists).</summary>
    StoredData = 0,

    /// <summary>Copies of pages, which read the stored data of the stage before.</summary>
    CachedPages = 1,
}

/// <summary>
/// Something that must follow when stories are saved, published, unpublished or deleted: stored
/// related-story lists, cached pages. Listeners get the ids in one batch, so an import of a
/// thousand stories costs one pass, not a thousand.
/// </summary>
public interface IStoryChangeListener
{
    ChangeStage Stage { get; }

    Task StoriesChangedAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken);
}

/// <summary>
/// Tells every <see cref="IStoryChangeListener"/> which stories changed, stage by stage (never in
/// the order they happen to be registered), for drafts as much as for published stories.
/// </summary>
public sealed class StoryChanges(IEnumerable<IStoryChangeListener> listeners)
{
    private readonly IReadOnlyList<IStoryChangeListener> _listeners = listeners.OrderBy(l => l.Stage).ToList();

    public async Task NotifyAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        if (storyIds.Count == 0)
        {
            return;
        }
        foreach (var listener in _listeners)
        {
            await listener.StoriesChangedAsync(storyIds, cancellationToken);
        }
    }
}
