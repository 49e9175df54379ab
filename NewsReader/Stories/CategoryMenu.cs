namespace NewsReader.Stories;

/// <summary>
/// The categories in the app bar, most stories first. Every reader page shows them, and counting
/// stories per category is the dearest query of a page, so the list is kept in memory and reloaded
/// when stories change (<see cref="Caching.ReaderPageEvictor"/> asks) or after a while, which covers
/// changes made by another process such as an import from the command line.
/// </summary>
public sealed class CategoryMenu(PublishedStories stories, TimeProvider clock) : IInMemoryStoryState
{
    /// <summary>How many categories the app bar shows.</summary>
    public const int Size = 8;

    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(10);

    private volatile Snapshot? _current;

    private sealed record Snapshot(IReadOnlyList<TermLink> Categories, DateTimeOffset LoadedAt);

    public async Task<IReadOnlyList<TermLink>> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && clock.GetUtcNow() - current.LoadedAt < MaximumAge)
        {
            return current.Categories;
        }
        return (await LoadAsync(cancellationToken)).Categories;
    }

    /// <summary>Reloads the menu; true when it now shows something else than before.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var before = _current;
        var after = await LoadAsync(cancellationToken);
        return before is null || !before.Categories.SequenceEqual(after.Categories);
    }

    /// <summary>Stories changed on another instance, which reloaded its own menu: this one loads it on the next request.</summary>
    public void Forget() => _current = null;

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = new Snapshot(await stories.GetNavigationCategoriesAsync(Size, cancellationToken), clock.GetUtcNow());
        _current = snapshot;
        return snapshot;
    }
}
