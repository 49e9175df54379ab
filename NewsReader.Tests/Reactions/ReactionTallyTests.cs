using NewsReader.Data;
using NewsReader.Reactions;

namespace NewsReader.Tests.Reactions;

public sealed class ReactionTallyTests
{
    [Theory]
    [InlineData(1, 8, 13)]   // 12.5 rounds up
    [InlineData(3, 8, 38)]   // 37.5 rounds up
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 200, 1)]  // 0.5 rounds up, not to even
    [InlineData(1, 201, 0)]
    [InlineData(5, 5, 100)]
    [InlineData(0, 12, 0)]
    [InlineData(0, 0, 0)]
    public void SharesAreWholePercentsRoundedHalfAwayFromZero(int count, int total, int percent)
    {
        Assert.Equal(percent, ReactionTally.Percent(count, total));
    }

    [Theory]
    [InlineData(0, "No responses yet")]
    [InlineData(1, "1 response")]
    [InlineData(12, "12 responses")]
    [InlineData(1234, "1,234 responses")]
    public void TheTotalIsWrittenWithTheRightPlural(int happy, string label)
    {
        var tally = new ReactionTally(new Dictionary<ReactionKind, int> { [ReactionKind.Happy] = happy });

        Assert.Equal(label, tally.TotalLabel);
    }

    [Fact]
    public void EachShareIsOfTheStorysTotal()
    {
        var tally = new ReactionTally(new Dictionary<ReactionKind, int> { [ReactionKind.Happy] = 3, [ReactionKind.Sad] = 9 });

        Assert.Equal(12, tally.Total);
        Assert.Equal(25, tally.PercentOf(ReactionKind.Happy));
        Assert.Equal(75, tally.PercentOf(ReactionKind.Sad));
        Assert.Equal(0, tally.PercentOf(ReactionKind.Angry));
    }

    [Theory]
    [InlineData("happy", ReactionKind.Happy)]
    [InlineData("sad", ReactionKind.Sad)]
    [InlineData("excited", ReactionKind.Excited)]
    [InlineData("sleepy", ReactionKind.Sleepy)]
    [InlineData("angry", ReactionKind.Angry)]
    [InlineData("surprise", ReactionKind.Surprise)]
    public void TheSixFormValuesAreTheSixReactions(string value, ReactionKind kind)
    {
        Assert.True(ReactionKinds.TryParse(value, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Theory]
    [InlineData("Happy")]
    [InlineData("love")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElseIsNoReaction(string? value)
    {
        Assert.False(ReactionKinds.TryParse(value, out _));
    }

    [Fact]
    public void TheBlockShowsTheSixReactionsInTheContractsOrder()
    {
        Assert.Equal(["Happy 😀", "Sad 😢", "Excited 🤩", "Sleepy 😴", "Angry 😠", "Surprise 😲"],
            ReactionKinds.All.Select(c => $"{c.Word} {c.Emoji}"));
    }
}
