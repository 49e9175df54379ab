using NewsReader.Articles;

namespace NewsReader.Tests.Unit;

public sealed class ArticleChangesTests
{
    private sealed class Recording(ChangeStage stage, string name, List<string> calls) : IArticleChangeListener
    {
        public ChangeStage Stage => stage;

        public Task ArticlesChangedAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
        {
            calls.Add($"{name}:{string.Join(",", articleIds)}");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task StoredDataIsUpdatedBeforeCachedPagesWhateverTheOrderOfRegistration()
    {
        var calls = new List<string>();
        var changes = new ArticleChanges([
            new Recording(ChangeStage.CachedPages, "pages", calls),
            new Recording(ChangeStage.StoredData, "related", calls),
        ]);

        await changes.NotifyAsync([3, 7], default);

        Assert.Equal(["related:3,7", "pages:3,7"], calls);
    }

    [Fact]
    public async Task NoChangedStoriesNotifiesNobody()
    {
        var calls = new List<string>();
        var changes = new ArticleChanges([new Recording(ChangeStage.StoredData, "related", calls)]);

        await changes.NotifyAsync([], default);

        Assert.Empty(calls);
    }
}
