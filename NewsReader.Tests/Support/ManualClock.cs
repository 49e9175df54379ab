namespace NewsReader.Tests.Support;

/// <summary>A clock a test moves by hand: "the scheduled time has come" without waiting for it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
