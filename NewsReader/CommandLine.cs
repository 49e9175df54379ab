using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.StoryFiles;

namespace NewsReader;

/// <summary>
/// The commands of `dotnet run --project NewsReader -- &lt;command&gt;`. They use the
/// same configuration and services as the site, and bring the database up to date first.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["import", "export", "seed-demo", "create-user", "backup"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>
    /// The arguments meant for configuration. A command's own arguments (a folder such as /tmp/out,
    /// --count 10) would otherwise be read as configuration keys, so a command passes on only
    /// --Key=Value settings, e.g. --ConnectionStrings:News=Data Source=other.db.
    /// </summary>
    public static string[] ConfigurationArguments(string[] args) =>
        IsCommand(args) ? args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray() : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        var cancellationToken = cancellation.Token;
        var services = app.Services;

        try
        {
            var commandArgs = args.Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))).ToArray();
            if (commandArgs[0] == "backup")
            {
                // Not migrated first: a backup is what one takes before an upgrade changes the database.
                return await BackupAsync(services, commandArgs, cancellationToken);
            }
            await services.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            return commandArgs[0] switch
            {
                "import" => await ImportAsync(services, commandArgs, cancellationToken),
                "export" => await ExportAsync(services, commandArgs, cancellationToken),
                "seed-demo" => await SeedDemoAsync(services, commandArgs, cancellationToken),
                "create-user" => await CreateUserAsync(services, args, cancellationToken),
                _ => Usage(),
            };
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or UnauthorizedAccessException or IOException or DatabaseUnavailableException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (args.Length < 2)
        {
            return Usage();
        }
        var report = await services.GetRequiredService<StoryImporter>().ImportFolderAsync(args[1], cancellationToken);
        foreach (var failure in report.Failures)
        {
            Console.Error.WriteLine($"failed: {failure.FileName}: {failure.Reason}");
        }
        foreach (var file in report.KeptPublished)
        {
            Console.WriteLine($"kept published: {file} has no published: date, so its story stays as it was on the site (unpublish it in the editor)");
        }
        Console.WriteLine(report.Summary);
        return report.Failures.Count > 0 ? 1 : 0;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (args.Length < 2)
        {
            return Usage();
        }
        var count = await services.GetRequiredService<StoryExporter>().ExportFolderAsync(args[1], cancellationToken);
        Console.WriteLine($"{count} exported to {Path.GetFullPath(args[1])}");
        return 0;
    }

    /// <summary>backup &lt;file&gt; [--overwrite]: refuses an existing file unless --overwrite says to replace it.</summary>
    private static async Task<int> BackupAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var files = args.Skip(1).Where(a => a != "--overwrite").ToArray();
        if (files.Length != 1)
        {
            return Usage();
        }
        var result = await services.GetRequiredService<DatabaseBackup>().BackupAsync(files[0], args.Contains("--overwrite"), cancellationToken);
        if (result.Error is not null)
        {
            Console.Error.WriteLine($"error: {result.Error}");
            return 1;
        }
        Console.WriteLine($"backed up {result.Stories} stories and {result.Reactions} reactions to {result.File}");
        return 0;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var countAt = Array.IndexOf(args, "--count");
        if (countAt < 0 || countAt + 1 >= args.Length || !int.TryParse(args[countAt + 1], out var count) || count is < 1 or > 1_000_000)
        {
            Console.Error.WriteLine("seed-demo needs --count N with N between 1 and 1000000.");
            return 2;
        }
        var seedAt = Array.IndexOf(args, "--seed");
        var seed = seedAt >= 0 && seedAt + 1 < args.Length && int.TryParse(args[seedAt + 1], out var s) ? s : 42;

        var (added, elapsed) = await services.GetRequiredService<Demo.DemoSeeder>().SeedAsync(count, seed, cancellationToken);
        Console.WriteLine($"{added} demo stories added in {elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>
    /// create-user --email E --password P|- --role Editor|Admin. Its options are read from the raw
    /// arguments: "--email x" has no '=' and never reaches configuration, while "--email=x" does
    /// (harmlessly) and is accepted here too.
    /// </summary>
    private static async Task<int> CreateUserAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var options = ParseOptions(args.Skip(1).ToArray());
        if (options is null
            || !options.TryGetValue("email", out var email) || string.IsNullOrWhiteSpace(email)
            || !options.TryGetValue("password", out var password) || string.IsNullOrEmpty(password)
            || !options.TryGetValue("role", out var role))
        {
            return Usage();
        }
        if (password == "-")
        {
            // "--password -": one line from standard input, so the password stays out of shell
            // history and the process list. ReadLine drops the line's end (\n or \r\n).
            password = Console.In.ReadLine() ?? "";
            if (password.Length == 0)
            {
                Console.Error.WriteLine("error: --password - found no password on standard input.");
                return 2;
            }
        }
        if (Roles.Normalize(role) is not { } canonicalRole)
        {
            Console.Error.WriteLine($"error: unknown role '{role}'; use {Roles.Editor} or {Roles.Admin}.");
            return 2;
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
    }

    /// <summary>"--name value" and "--name=value" pairs; null when something else is in the way.</summary>
    private static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }
            var name = args[i][2..];
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                options[name[..equals]] = name[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                options[name] = args[++i];
            }
            else
            {
                return null;
            }
        }
        return options;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: dotnet run --project NewsReader -- <command>
              import <folder>    import every *.md story file, inserting or updating by slug
              export <folder>    write every story as a story file
              seed-demo --count N [--seed S]
                                 add N generated stories (for benchmarks)
              create-user --email E --password P --role Editor|Admin
                                 add an account, or reset its password and set its role;
                                 --password - reads the password from standard input
              backup <file> [--overwrite]
                                 consistent copy of the database, also while the site runs;
                                 an existing file is replaced only with --overwrite
            """);
        return 2;
    }
}
