using NewsReader.Tests.Support;

namespace NewsReader.Tests.Data;

/// <summary>A lock row left in __EFMigrationsLock by a process killed while migrating.</summary>
public sealed class MigrationLockTests : IDisposable
{
    private const string LockTable = """
        CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
        INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-01 09:00:00+00:00');
        """;

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private AppProcess.Options Bounded => new(_database.Path) { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task AStaleLockInAMigratedDatabaseHoldsUpNeitherACommandNorTheSite()
    {
        await _database.AddStoryAsync();
        await TestDatabase.ExecuteAsync(_database.Path, LockTable);

        var export = await AppProcess.RunAsync(Bounded, "export", Path.Combine(_database.Folder, "out"));
        await using var site = await AppProcess.StartSiteAsync(Bounded);

        Assert.False(export.TimedOut, "export waited for the stale lock");
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("1 exported", export.Output);
    }

    [Fact]
    public async Task AStaleLockInAnUnmigratedDatabaseIsRemovedWithAClearMessage()
    {
        await TestDatabase.ExecuteAsync(_database.Path, LockTable);

        var export = await AppProcess.RunAsync(Bounded, "export", Path.Combine(_database.Folder, "out"));

        Assert.False(export.TimedOut, "export waited for the stale lock");
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("stale migration lock", export.Output + export.Errors);
        Assert.Equal(0, await TestDatabase.ScalarAsync(_database.Path, "SELECT COUNT(*) FROM __EFMigrationsLock"));
    }

    [Fact]
    public async Task TheSiteStartsOnAnUnmigratedDatabaseWithAStaleLock()
    {
        await TestDatabase.ExecuteAsync(_database.Path, LockTable);

        await using var site = await AppProcess.StartSiteAsync(Bounded);

        Assert.Contains("stale migration lock", site.Log);
    }
}
