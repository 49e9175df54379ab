using NewsReader.Stories;

namespace NewsReader.Tests.Stories;

public sealed class StoryChangesTests
{
    private sealed class Recording(ChangeStage stage, string name, List<string> calls) : IStoryChangeListener
    {
        public ChangeStage Stage => stage;

        public Task StoriesChangedAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
        {
            calls.Add($"{name}:{string.Join(",", storyIds)}");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task StoredDataIsUpdatedBeforeCachedPagesWhateverTheOrderOfRegistration()
    {
        var calls = new List<string>();
        var changes = new StoryChanges([
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
        var changes = new StoryChanges([new Recording(ChangeStage.StoredData, "related", calls)]);

        await changes.NotifyAsync([], default);

        Assert.Empty(calls);
    }
}
