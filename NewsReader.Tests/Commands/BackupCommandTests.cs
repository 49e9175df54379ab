using System.Net;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Commands;

public sealed class BackupCommandTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ABackupTakenDuringAStreamOfReactionsIsConsistentAndRestores()
    {
        await _database.AddStoryAsync();
        var options = new AppProcess.Options(_database.Path) { Timeout = TimeSpan.FromSeconds(60) };
        options.Environment["NewsReader__Reactions__PerAddressPerMinute"] = "100000";
        await using var site = await AppProcess.StartSiteAsync(options);
        using var readers = new ReaderClients(site.Address);
        using var stop = new CancellationTokenSource();
        var acknowledged = 0;
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = w; !stop.IsCancellationRequested; i += 4)
            {
                if (await readers.ReactAsync(i, "harbour") == HttpStatusCode.SeeOther)
                {
                    Interlocked.Increment(ref acknowledged);
                }
            }
        })).ToList();
        while (Volatile.Read(ref acknowledged) < 20)
        {
            await Task.Delay(50);
        }

        var backupFile = Path.Combine(_database.Folder, "backups", "news-backup.db");
        var before = Volatile.Read(ref acknowledged);
        var backup = await AppProcess.RunAsync(options, "backup", backupFile);
        var after = Volatile.Read(ref acknowledged);
        stop.Cancel();
        await Task.WhenAll(writers);

        Assert.False(backup.TimedOut);
        Assert.True(backup.ExitCode == 0, backup.Errors);
        Assert.Contains("backed up", backup.Output);
        Assert.Equal("ok", await TestDatabase.IntegrityAsync(backupFile));
        var backedUp = await TestDatabase.ScalarAsync(backupFile, "SELECT COUNT(*) FROM Reactions");
        Assert.InRange(backedUp, before, after);

        // Restore: the copy put in place of a database, and the site started from it.
        var restored = Path.Combine(_database.Folder, "restored", "news.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(backupFile, restored);
        await using (var restoredSite = await AppProcess.StartSiteAsync(options with { DatabasePath = restored }))
        {
            var page = await new HttpClient().GetStringAsync(new Uri(restoredSite.Address, "/articles/harbour"));
            Assert.Contains($"{backedUp.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} responses", page);
        }
        Assert.Equal(backedUp, await TestDatabase.ScalarAsync(restored, "SELECT COUNT(*) FROM Reactions"));
        Assert.Equal(1, await TestDatabase.ScalarAsync(restored, "SELECT COUNT(*) FROM Articles"));
        Assert.Equal("ok", await TestDatabase.IntegrityAsync(restored));
    }

    [Fact]
    public async Task ABackupDoesNotOverwriteAFileUnlessToldTo()
    {
        await _database.AddStoryAsync();
        var existing = Path.Combine(_database.Folder, "existing.db");
        File.WriteAllText(existing, "precious");

        var refused = await AppProcess.RunAsync(_database.Path, "backup", existing);
        var contentAfterRefusal = File.ReadAllText(existing);
        var overwritten = await AppProcess.RunAsync(_database.Path, "backup", existing, "--overwrite");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already exists", refused.Errors);
        Assert.Equal("precious", contentAfterRefusal);
        Assert.Equal(0, overwritten.ExitCode);
        Assert.Equal(1, await TestDatabase.ScalarAsync(existing, "SELECT COUNT(*) FROM Articles"));
    }

    [Fact]
    public async Task ABackupWithoutAFileNameShowsTheUsage()
    {
        var result = await AppProcess.RunAsync(new AppProcess.Options(_database.Path) { Timeout = TimeSpan.FromSeconds(60) }, "backup");

        Assert.False(result.TimedOut, "backup without a file started the site instead");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("backup <file>", result.Errors);
    }

    [Fact]
    public async Task ABackupIntoAFolderOrOfAMissingDatabaseIsRefused()
    {
        var intoFolder = await AppProcess.RunAsync(_database.Path, "backup", _database.Folder);
        var noDatabase = await AppProcess.RunAsync(_database.Path, "backup", Path.Combine(_database.Folder, "copy.db"));

        Assert.Equal(1, intoFolder.ExitCode);
        Assert.Contains("is a folder", intoFolder.Errors);
        Assert.Equal(1, noDatabase.ExitCode);
        Assert.Contains("there is no database", noDatabase.Errors);
        Assert.False(File.Exists(_database.Path), "backup created the database it was asked to copy");
    }
}
