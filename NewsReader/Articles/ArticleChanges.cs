namespace NewsReader.Articles;

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
public interface IArticleChangeListener
{
    ChangeStage Stage { get; }

    Task ArticlesChangedAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken);
}

/// <summary>
/// Tells every <see cref="IArticleChangeListener"/> which stories changed, stage by stage (never in
/// the order they happen to be registered), for drafts as much as for published stories.
/// </summary>
public sealed class ArticleChanges(IEnumerable<IArticleChangeListener> listeners)
{
    private readonly IReadOnlyList<IArticleChangeListener> _listeners = listeners.OrderBy(l => l.Stage).ToList();

    public async Task NotifyAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0)
        {
            return;
        }
        foreach (var listener in _listeners)
        {
            await listener.ArticlesChangedAsync(articleIds, cancellationToken);
        }
    }
}
