using Microsoft.Extensions.Time.Testing;
using NewsReader.Editing;

namespace NewsReader.Tests.Editing;

public sealed class AutosaveSchedulerTests
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(3);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private int _saves;

    private AutosaveScheduler Scheduler() => new(_clock, () =>
    {
        _saves++;
        return Task.CompletedTask;
    });

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [Fact]
    public void ItSavesOnceTypingHasPausedLongEnough()
    {
        using var scheduler = Scheduler();

        scheduler.Schedule(Pause, Now);
        _clock.Advance(Pause - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _saves);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _saves);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, _saves);
    }

    [Fact]
    public void MoreTypingPushesTheSaveBack()
    {
        using var scheduler = Scheduler();
        var dirtySince = Now;

        scheduler.Schedule(Pause, dirtySince);
        _clock.Advance(TimeSpan.FromSeconds(2));
        scheduler.Schedule(Pause, dirtySince);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, _saves);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _saves);
    }

    [Fact]
    public void TypingWithoutAPauseIsStillSavedEvery15Seconds()
    {
        using var scheduler = Scheduler();
        var dirtySince = Now;

        for (var second = 0; second < 15; second++)
        {
            scheduler.Schedule(Pause, dirtySince);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, _saves);
    }

    [Fact]
    public void ACancelledOrDisposedSchedulerSavesNothing()
    {
        var scheduler = Scheduler();
        scheduler.Schedule(Pause, Now);
        scheduler.Cancel();
        _clock.Advance(Pause);

        scheduler.Schedule(Pause, Now);
        scheduler.Dispose();
        scheduler.Schedule(Pause, Now);
        _clock.Advance(Pause);

        Assert.Equal(0, _saves);
    }
}
