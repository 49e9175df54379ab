using NewsReader.Tests.Support;
using Bunit;
using MudBlazor.Services;
using NewsReader.Components.Shared;
using NewsReader.Stories;
using NewsReader.Data;
using NewsReader.Reactions;

namespace NewsReader.Tests.Reactions;

public sealed class ReactionBarTests : BunitContext
{
    public ReactionBarTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<ReactionBar> RenderBar(ReactionTally tally) =>
        Render<ReactionBar>(p => p.Add(b => b.Slug, "tram-line-4-opens").Add(b => b.Tally, tally));

    private static ReactionTally Tally(ReactionKind? own = null, params (ReactionKind Kind, int Count)[] counts) =>
        new(counts.ToDictionary(c => c.Kind, c => c.Count), own);

    [Fact]
    public void WithNoReactionsTheBlockAsksAndShowsSixUnpressedButtonsAtZero()
    {
        var bar = RenderBar(ReactionTally.None);

        Assert.Equal("What do you think?", bar.Find("h2").TextContent);
        var buttons = bar.FindAll("button");
        Assert.Equal(["Happy", "Sad", "Excited", "Sleepy", "Angry", "Surprise"],
            buttons.Select(b => b.QuerySelector(".reaction-word")!.TextContent));
        Assert.All(buttons, b => Assert.Equal("false", b.GetAttribute("aria-pressed")));
        Assert.All(buttons, b => Assert.Equal("0", b.QuerySelector(".reaction-count")!.TextContent));
        Assert.All(buttons, b => Assert.Equal("0%", b.QuerySelector(".reaction-share")!.TextContent));
        Assert.Equal("No responses yet", bar.Find(".reaction-total").TextContent);
    }

    [Fact]
    public void EachButtonsAccessibleNameStartsWithItsWordThenItsCountAndShare()
    {
        var bar = RenderBar(Tally(null, (ReactionKind.Happy, 3), (ReactionKind.Sad, 9)));

        var names = bar.FindAll("button").Select(b => b.AccessibleName()).ToList();

        Assert.Equal("Happy 3 25%", names[0]);
        Assert.Equal("Sad 9 75%", names[1]);
        Assert.Equal("Excited 0 0%", names[2]);
    }

    [Fact]
    public void TheReadersOwnChoiceIsTheOnlyPressedButton()
    {
        var bar = RenderBar(Tally(ReactionKind.Sleepy, (ReactionKind.Sleepy, 1), (ReactionKind.Happy, 4)));

        var pressed = bar.FindAll("button[aria-pressed=true]");

        Assert.Single(pressed);
        Assert.Equal("sleepy", pressed[0].GetAttribute("value"));
    }

    [Fact]
    public void OneResponseIsSingularAndShowsAHundredPercent()
    {
        var bar = RenderBar(Tally(ReactionKind.Happy, (ReactionKind.Happy, 1)));

        Assert.Equal("1 response", bar.Find(".reaction-total").TextContent);
        Assert.Equal("100%", bar.Find("button[value=happy] .reaction-share").TextContent);
        Assert.Equal("Happy 1 100%", bar.Find("button[value=happy]").AccessibleName());
    }

    [Fact]
    public void TwelveResponsesArePluralWithEachShareOfTheTotal()
    {
        var bar = RenderBar(Tally(null, (ReactionKind.Happy, 6), (ReactionKind.Angry, 5), (ReactionKind.Surprise, 1)));

        Assert.Equal("12 responses", bar.Find(".reaction-total").TextContent);
        Assert.Equal(["50%", "0%", "0%", "0%", "42%", "8%"], bar.FindAll(".reaction-share").Select(s => s.TextContent));
    }

    [Fact]
    public void TheBlockIsAPlainFormPostingTheKindToTheStorysReactions()
    {
        var bar = RenderBar(ReactionTally.None);

        var form = bar.Find("section#reactions form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/articles/tram-line-4-opens/reactions", form.GetAttribute("action"));
        Assert.All(bar.FindAll("button"), b => Assert.Equal(("submit", "kind"), (b.GetAttribute("type"), b.GetAttribute("name"))));
        Assert.Empty(bar.FindAll("input[name=__RequestVerificationToken]"));
    }
}
