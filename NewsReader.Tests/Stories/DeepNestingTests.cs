using NewsReader.Stories;
using NewsReader.StoryFiles;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

/// <summary>Every Markdig call of the site survives bodies nested thousands deep.</summary>
public sealed class DeepNestingTests
{
    public static TheoryData<string> DeepFiles => new(HostileMarkdown.DeepBodies.Select(d => d.File));

    private static string BodyOf(string file) => HostileMarkdown.DeepBodies.Single(d => d.File == file).Body;

    [Theory]
    [MemberData(nameof(DeepFiles))]
    public void TheFrontMatterOfADeeplyNestedFileIsStillRead(string file)
    {
        var parsed = StoryFileFormat.Parse(HostileMarkdown.StoryWithBody("Deep", BodyOf(file)));

        Assert.Null(parsed.Error);
        Assert.Equal("Deep", parsed.Story!.Title);
        Assert.Equal(BodyOf(file) + "\n", parsed.Story.Body);
    }

    [Fact]
    public void AnUnclosedFrontMatterAboveADeepBodyIsRefusedWithAReason()
    {
        var parsed = StoryFileFormat.Parse("---\ntitle: Deep\n" + new string('[', 5_000) + "x");

        Assert.Null(parsed.Story);
        Assert.Matches("not closed|could not be read", parsed.Error);
    }

    [Theory]
    [MemberData(nameof(DeepFiles))]
    public void ADeeplyNestedBodyIsRenderedAndMeasured(string file)
    {
        var renderer = new MarkdownRenderer();

        var html = renderer.ToSafeHtml(BodyOf(file));
        var measure = renderer.Measure("Deep", BodyOf(file));

        Assert.Contains("inside", html);
        Assert.True(measure.Words >= 2);
    }

    [Fact]
    public void TheGuardReportsAStackTooDeepForTheWorkAsAFailure()
    {
        var ok = MarkdigGuard.TryRun(() => Recurse(0), TimeSpan.FromSeconds(10), out _, out var failure);

        Assert.False(ok);
        Assert.Contains("too deeply nested", failure);

        static int Recurse(int depth)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            return Recurse(depth + 1) + 1;
        }
    }

    [Fact]
    public void TheGuardReportsWorkOverItsTimeBudgetAsAFailure()
    {
        using var never = new ManualResetEventSlim();

        var ok = MarkdigGuard.TryRun(() => never.Wait(TimeSpan.FromSeconds(30)), TimeSpan.FromMilliseconds(200), out _, out var failure);

        Assert.False(ok);
        Assert.Contains("took too long", failure);
    }
}
