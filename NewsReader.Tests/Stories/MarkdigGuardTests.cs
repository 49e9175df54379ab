using NewsReader.Stories;

namespace NewsReader.Tests.Stories;

/// <summary>A batch on one guarded worker gives each item what running it alone gives.</summary>
public sealed class MarkdigGuardTests
{
    [Fact]
    public void EachItemOfABatchGetsItsOwnResultOrReason()
    {
        var results = MarkdigGuard.TryRunEach(
            3,
            i => i == 1 ? throw new InvalidOperationException("library bug") : i * 10,
            TimeSpan.FromSeconds(10));

        Assert.Equal(new GuardedResult<int>(0, null), results[0]);
        Assert.False(results[1].Succeeded);
        Assert.Contains("could not be read (InvalidOperationException)", results[1].Failure);
        Assert.Equal(new GuardedResult<int>(20, null), results[2]);
    }

    [Fact]
    public void AnItemOverItsBudgetFailsAndTheItemsAfterItStillRun()
    {
        using var never = new ManualResetEventSlim();

        var results = MarkdigGuard.TryRunEach(
            3,
            i => i == 1 ? never.Wait(TimeSpan.FromSeconds(30)) : true,
            TimeSpan.FromMilliseconds(200));

        Assert.True(results[0].Succeeded);
        Assert.Contains("took too long", results[1].Failure);
        Assert.True(results[2].Succeeded);
    }

    [Fact]
    public void AnEmptyBatchStartsNothing()
    {
        Assert.Empty(MarkdigGuard.TryRunEach<int>(0, _ => throw new InvalidOperationException(), TimeSpan.FromSeconds(1)));
    }
}
