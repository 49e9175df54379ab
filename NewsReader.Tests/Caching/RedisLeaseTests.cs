using NewsReader.Editing;
using NewsReader.Related;
using NewsReader.Redis;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Caching;

/// <summary>
/// Work done once however many instances run (<see cref="JobLeases"/>): two instances on one database
/// and one Redis server take turns, and never both do it.
/// </summary>
public sealed class RedisLeaseTests : IAsyncLifetime
{
    private TwoRedisInstances _pair = null!;

    private EditingSite A => _pair.A;

    private EditingSite B => _pair.B;

    public async Task InitializeAsync() => _pair = await TwoRedisInstances.StartAsync();

    public async Task DisposeAsync() => await _pair.DisposeAsync();

    [RedisFact]
    public async Task OnlyOneInstanceAnnouncesAScheduledStory()
    {
        var id = await A.AddStoryAsync("Bridge reopens", publishedAt: DateTime.UtcNow.AddSeconds(1), categories: ["City"], slug: "bridge");
        A.Changes.Clear();
        B.Changes.Clear();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var announced = await Task.WhenAll(
            A.GetService<ScheduledStories>().AnnounceDueAsync(CancellationToken.None),
            B.GetService<ScheduledStories>().AnnounceDueAsync(CancellationToken.None));
        // A second round on both: the holder has nothing new, the other is still not the holder.
        await A.GetService<ScheduledStories>().AnnounceDueAsync(CancellationToken.None);
        await B.GetService<ScheduledStories>().AnnounceDueAsync(CancellationToken.None);

        Assert.Equal(1, announced.Count(ids => ids.Count > 0));
        var batches = new List<IReadOnlyCollection<int>>();
        foreach (var site in new[] { A, B })
        {
            while (site.Changes.TakeIfAny() is { } batch)
            {
                batches.Add(batch);
            }
        }
        Assert.Single(batches, batch => batch.Contains(id));
    }

    [RedisFact]
    public async Task ASaveOnOneInstanceWaitsWhileTheOtherWritesRelatedStories()
    {
        var release = new TaskCompletionSource();
        var holding = new TaskCompletionSource();
        // A bulk ranking batch on A, say: it holds the related-stories writes until released.
        var batchOnA = A.GetService<RelatedStoriesUpdater>().RunExclusiveAsync(async () =>
        {
            holding.SetResult();
            await release.Task;
        }, CancellationToken.None);
        await holding.Task;

        var saveOnB = B.AddStoryAsync("Bridge reopens", categories: ["City"], slug: "bridge");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(saveOnB.IsCompleted, "B updated related stories while A was writing them");

        release.SetResult();
        await batchOnA;
        await saveOnB.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
