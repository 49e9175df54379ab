using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Media;
using NewsReader.StoryFiles;

namespace NewsReader.Commands;

/// <summary>What each command does once its arguments are read (see <see cref="CommandLine"/>).</summary>
public sealed class CommandActions(IServiceProvider services)
{
    public Task<int> ImportAsync(string folder, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        // Pictures first: the stories' Markdown names them, and their markup is made when a story is saved.
        var (pictures, pictureFailures) = await services.GetRequiredService<MediaFolder>().ImportAsync(folder, cancellationToken);
        foreach (var (file, reason) in pictureFailures)
        {
            Console.Error.WriteLine($"failed: {MediaFolder.FolderName}/{file}: {reason}");
        }
        var progress = CommandProgress.ForConsole("import");
        var report = await services.GetRequiredService<StoryImporter>().ImportFolderAsync(folder, cancellationToken, progress);
        progress.Finish();
        if (pictures > 0)
        {
            Console.WriteLine($"{pictures} pictures imported");
        }
        foreach (var failure in report.Failures)
        {
            Console.Error.WriteLine($"failed: {failure.FileName}: {failure.Reason}");
        }
        foreach (var file in report.KeptPublished)
        {
            Console.WriteLine($"kept published: {file} has no published: date, so its story stays as it was on the site (unpublish it in the editor)");
        }
        Console.WriteLine(report.Summary);
        return report.Failures.Count > 0 || pictureFailures.Count > 0 ? 1 : 0;
    }, cancellationToken);

    public Task<int> ExportAsync(string folder, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        var count = await services.GetRequiredService<StoryExporter>().ExportFolderAsync(folder, cancellationToken);
        var pictures = await services.GetRequiredService<MediaFolder>().ExportAsync(folder, cancellationToken);
        Console.WriteLine($"{count} exported to {Path.GetFullPath(folder)}" + (pictures > 0 ? $", with {pictures} pictures in {MediaFolder.FolderName}/" : ""));
        return 0;
    }, cancellationToken);

    public Task<int> SeedDemoAsync(int count, int seed, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        var progress = CommandProgress.ForConsole("seed-demo");
        var (added, elapsed) = await services.GetRequiredService<Demo.DemoSeeder>().SeedAsync(count, seed, cancellationToken, progress);
        progress.Finish();
        Console.WriteLine($"{added} demo stories added in {elapsed.TotalSeconds:0.0} s");
        return 0;
    }, cancellationToken);

    public Task<int> CreateUserAsync(string email, string password, string role, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        if (password == "-")
        {
            // "--password -": one line from standard input, so the password stays out of shell
            // history and the process list. ReadLine drops the line's end (\n or \r\n).
            password = Console.In.ReadLine() ?? "";
            if (password.Length == 0)
            {
                Console.Error.WriteLine("error: --password - found no password on standard input.");
                return CommandLine.UsageError;
            }
        }
        if (string.IsNullOrWhiteSpace(email) || password.Length == 0)
        {
            Console.Error.WriteLine("error: --email and --password need a value.");
            return CommandLine.UsageError;
        }
        if (Roles.Normalize(role) is not { } canonicalRole)
        {
            Console.Error.WriteLine($"error: unknown role '{role}'; use {Roles.Choices}.");
            return CommandLine.UsageError;
        }

        var accounts = services.GetRequiredService<AccountManager>();
        await accounts.EnsureRolesAsync(cancellationToken);
        var result = await accounts.SaveAsync(email, password, canonicalRole, cancellationToken);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"error: {email.Trim()} was not saved:");
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine($"  {error}");
            }
            return 1;
        }
        Console.WriteLine(result.Created
            ? $"created {email.Trim()} with role {canonicalRole}"
            : result.Changes.Count > 0
                ? $"updated {email.Trim()}: {string.Join(", ", result.Changes)}"
                : $"unchanged {email.Trim()}: already has that password and role {canonicalRole}");
        return 0;
    }, cancellationToken);

    /// <summary>Not migrated first: a backup is what one takes before an upgrade changes the database.</summary>
    public Task<int> BackupAsync(string file, bool overwrite, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        var result = await services.GetRequiredService<DatabaseBackup>().BackupAsync(file, overwrite, cancellationToken);
        if (result.Error is not null)
        {
            Console.Error.WriteLine($"error: {result.Error}");
            return 1;
        }
        Console.WriteLine($"backed up {result.Stories} stories and {result.Reactions} reactions to {result.File}");
        return 0;
    }, cancellationToken, migrate: false);

    /// <summary>Brings the database up to date, runs the command, and turns what a user can fix into one line.</summary>
    private async Task<int> RunAsync(Func<Task<int>> command, CancellationToken cancellationToken, bool migrate = true)
    {
        try
        {
            if (migrate)
            {
                await services.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            }
            return await command();
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or UnauthorizedAccessException or IOException or DatabaseUnavailableException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }
}
