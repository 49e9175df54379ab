using System.Diagnostics;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Data;

/// <summary>The site started as a process on a database file that is missing, corrupt or not writable.</summary>
public sealed class StartupFaultTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private string? _immutableFile;

    public void Dispose()
    {
        if (_immutableFile is not null)
        {
            Chattr("-i", _immutableFile);
        }
        _database.Dispose();
    }

    private static AppProcess.Options Bounded(string databasePath) => new(databasePath) { Timeout = TimeSpan.FromSeconds(60) };

    private static void AssertOneClearLine(AppProcess.Result result, string expected)
    {
        Assert.False(result.TimedOut, "the site hung instead of stopping");
        Assert.NotEqual(0, result.ExitCode);
        var all = result.Output + result.Errors;
        Assert.True(all.Contains(expected, StringComparison.Ordinal), all);
        Assert.DoesNotContain("   at ", all);
        Assert.DoesNotContain("Unhandled exception", all);
        Assert.DoesNotContain("fail: ", all);
    }

    [Fact]
    public async Task AMissingDatabaseFileAndItsFolderAreCreated()
    {
        var path = Path.Combine(_database.Folder, "new", "folder", "news.db");

        await using var site = await AppProcess.StartSiteAsync(Bounded(_database.Path) with { DatabasePath = path });

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task ACorruptDatabaseFileStopsTheSiteWithOneClearLine()
    {
        var junk = new byte[64 * 1024];
        new Random(7).NextBytes(junk);
        File.WriteAllBytes(_database.Path, junk);

        var result = await AppProcess.RunAsync(Bounded(_database.Path));

        AssertOneClearLine(result, "is not a usable SQLite database");
        Assert.Equal(junk, File.ReadAllBytes(_database.Path));
    }

    [Fact]
    public async Task AFolderGivenAsTheDatabaseFileStopsTheSiteWithOneClearLine()
    {
        Directory.CreateDirectory(_database.Path);

        var result = await AppProcess.RunAsync(Bounded(_database.Path));

        AssertOneClearLine(result, "could not be opened");
    }

    [Fact]
    public async Task AReadOnlyDatabaseFileStopsTheSiteWithOneClearLine()
    {
        await _database.AddStoryAsync();
        // Tests run as root, for whom file modes do not stop writes; the immutable flag does.
        Chattr("+i", _database.Path);
        _immutableFile = _database.Path;

        var result = await AppProcess.RunAsync(Bounded(_database.Path));

        AssertOneClearLine(result, "is read-only");
    }

    [Fact]
    public async Task AReadOnlyConnectionStringStopsTheSiteWithOneClearLine()
    {
        await _database.AddStoryAsync();

        var result = await AppProcess.RunAsync(Bounded(_database.Path) with { ConnectionString = $"Data Source={_database.Path};Mode=ReadOnly" });

        AssertOneClearLine(result, "is read-only");
    }

    private static void Chattr(string flag, string path)
    {
        using var chattr = Process.Start("chattr", [flag, path]);
        chattr.WaitForExit();
        Assert.Equal(0, chattr.ExitCode);
    }
}
