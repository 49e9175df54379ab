namespace NewsReader.Articles;

/// <summary>
/// Something that must follow when stories are saved, published, unpublished or deleted: stored
/// related-story lists, cached pages, the search index. Listeners get the ids in one batch, so an
/// import of a thousand stories costs one pass, not a thousand.
/// </summary>
public interface IArticleChangeListener
{
    Task ArticlesChangedAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken);
}

/// <summary>Tells every registered <see cref="IArticleChangeListener"/> which stories changed.</summary>
public sealed class ArticleChanges(IEnumerable<IArticleChangeListener> listeners)
{
    public async Task PublishAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0)
        {
            return;
        }
        foreach (var listener in listeners)
        {
            await listener.ArticlesChangedAsync(articleIds, cancellationToken);
        }
    }
}
