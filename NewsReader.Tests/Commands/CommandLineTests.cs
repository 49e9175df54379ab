using NewsReader.Tests.Support;

namespace NewsReader.Tests.Commands;

/// <summary>How the executable reads its command line: help for every command, clear errors, never a site started by mistake.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-cli-").FullName;

    private string Database => Path.Combine(_folder, "news.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<AppProcess.Result> RunAsync(params string[] args) =>
        AppProcess.RunAsync(new AppProcess.Options(Database) { Timeout = TimeSpan.FromSeconds(60) }, args);

    [Theory]
    [InlineData("import")]
    [InlineData("export")]
    [InlineData("seed-demo")]
    [InlineData("create-user")]
    [InlineData("backup")]
    public async Task EveryCommandExplainsItselfWithHelpAndTouchesNoDatabase(string command)
    {
        var result = await RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"NewsReader {command}", result.Output);
        Assert.Contains("Usage:", result.Output);
        Assert.False(File.Exists(Database), "help must not create or migrate the database");
    }

    [Fact]
    public async Task HelpAloneListsEveryCommand()
    {
        var result = await RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "import", "export", "seed-demo", "create-user", "backup" })
        {
            Assert.Contains(command, result.Output);
        }
    }

    [Fact]
    public async Task AnUnknownCommandIsAnErrorNotASiteStartedByMistake()
    {
        var result = await RunAsync("frobnicate", "x.db");

        Assert.False(result.TimedOut, "an unknown command started the site");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'frobnicate' is not a command", result.Errors);
        Assert.Contains("Commands:", result.Errors);
    }

    [Theory]
    [InlineData(new[] { "import" }, "NewsReader import <folder>")]
    [InlineData(new[] { "seed-demo" }, "--count")]
    [InlineData(new[] { "seed-demo", "--count", "0" }, "between 1 and 1000000")]
    [InlineData(new[] { "seed-demo", "--count", "many" }, "many")]
    [InlineData(new[] { "create-user", "--email", "ana@example.org", "--role", "Editor" }, "--password")]
    [InlineData(new[] { "export", "out", "--colour", "red" }, "--colour")]
    public async Task MissingValuesUnknownOptionsAndBadNumbersExitWithCode2AndSaySo(string[] args, string named)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Errors);
        Assert.False(File.Exists(Database), "a usage error must change nothing");
    }

    [Fact]
    public async Task ASettingGivenWithACommandReachesConfigurationNotTheCommand()
    {
        var other = Path.Combine(_folder, "other.db");

        var result = await RunAsync("export", Path.Combine(_folder, "out"), $"--ConnectionStrings:News=Data Source={other}");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(other));
        Assert.False(File.Exists(Database));
    }
}
