using NewsReader.Commands;

namespace NewsReader.Tests.Commands;

public sealed class CommandProgressTests
{
    [Theory]
    [InlineData(120, 500, 10, "import: 120 of 500 (24%), about 32 s left")]
    [InlineData(1, 1000, 1, "import: 1 of 1,000 (0%), about 16 min 39 s left")]
    [InlineData(10, 100_000, 5, "import: 10 of 100,000 (0%), about 13 h 53 min left")]
    [InlineData(0, 500, 3, "import: 0 of 500 (0%)")]
    [InlineData(500, 500, 40, "import: 500 of 500 (100%)")]
    [InlineData(0, 0, 0, "import: 0 of 0")]
    public void TheLineSaysHowFarAndProjectsTheTimeLeft(int done, int total, int secondsSoFar, string expected) =>
        Assert.Equal(expected, CommandProgress.Line("import", done, total, TimeSpan.FromSeconds(secondsSoFar)));

    [Fact]
    public void RedirectedOutputGetsALineForEachTenthOfTheWorkNotOneForEachStep()
    {
        var output = new StringWriter();
        var progress = new CommandProgress("seed-demo", output, isTerminal: false);

        for (var done = 0; done <= 1000; done++)
        {
            progress.Report((done, 1000));
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("seed-demo: 0 of 1,000 (0%)", lines[0]);
        Assert.Equal("seed-demo: 1,000 of 1,000 (100%)", lines[^1].TrimEnd());
    }

    [Fact]
    public void OnATerminalTheLineIsRewrittenInPlaceAndEndsWhenTheWorkDoes()
    {
        var output = new StringWriter();
        var progress = new CommandProgress("import", output, isTerminal: true);

        progress.Report((0, 3));
        progress.Report((3, 3));

        var text = output.ToString();
        Assert.StartsWith("\rimport: 0 of 3 (0%)", text);
        Assert.EndsWith("\rimport: 3 of 3 (100%)   " + Environment.NewLine, text);
    }
}
