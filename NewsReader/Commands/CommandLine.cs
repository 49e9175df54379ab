using System.CommandLine;

namespace NewsReader.Commands;

/// <summary>
/// The commands of `dotnet run --project NewsReader -- &lt;command&gt;`: the same executable, the same
/// configuration and services as the site. Without a command (or with only settings such as
/// --urls) it serves the site; anything else that is not a command is an error, never a site
/// started by mistake. Every command has --help; usage errors exit with code 2.
/// </summary>
public static class CommandLine
{
    public const int UsageError = 2;

    private static readonly string[] HelpWords = ["--help", "-h", "-?", "help"];

    /// <summary>True when the arguments ask for a command (or for help) rather than the site.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || HelpWords.Contains(args[0]));

    /// <summary>
    /// The arguments meant for configuration. A command's own arguments (a folder such as /tmp/out,
    /// --count 10) would otherwise be read as configuration keys, so a command passes on only
    /// --Key=Value settings, e.g. --ConnectionStrings:News=Data Source=other.db.
    /// </summary>
    public static string[] ConfigurationArguments(string[] args) =>
        IsCommand(args) ? args.Where(IsSetting).ToArray() : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var actions = new CommandActions(app.Services);
        var root = Build(actions);
        var known = root.Subcommands.SelectMany(c => c.Options).SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
        // Settings for configuration (--ConnectionStrings:News=…) are not the command's own options.
        var commandArgs = args.Where(a => !(IsSetting(a) && !known.Contains(a[..a.IndexOf('=', StringComparison.Ordinal)]))).ToArray();
        if (commandArgs is ["help"])
        {
            commandArgs = ["--help"];
        }

        var parsed = root.Parse(commandArgs);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command;
            // An unknown word is also "no command given"; saying the first is enough.
            var messages = command == root && parsed.UnmatchedTokens.Count > 0
                ? [$"'{parsed.UnmatchedTokens[0]}' is not a command."]
                : parsed.Errors.Select(e => e.Message);
            foreach (var message in messages)
            {
                Console.Error.WriteLine($"error: {message}");
            }
            // The usage of what was asked for follows the error, on standard error like it.
            Console.Error.WriteLine();
            await root.Parse(command == root ? ["--help"] : [command.Name, "--help"])
                .InvokeAsync(new InvocationConfiguration { Output = Console.Error });
            return UsageError;
        }
        return await parsed.InvokeAsync();
    }

    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);

    private static RootCommand Build(CommandActions actions)
    {
        var root = new RootCommand("NewsReader: without a command, serves the site (e.g. --urls http://localhost:5080). " +
            "Settings such as --ConnectionStrings:News=\"Data Source=other.db\" work with every command.");

        var importFolder = new Argument<string>("folder") { Description = "The folder whose *.md story files are imported." };
        var import = new Command("import", "Imports every *.md story file, inserting or updating by slug; a bad file is named with its reason and skipped (exit code 1).")
        {
            importFolder,
        };
        import.SetAction((result, cancellationToken) => actions.ImportAsync(result.GetValue(importFolder)!, cancellationToken));

        var exportFolder = new Argument<string>("folder") { Description = "The folder to write <slug>.md files into (created if missing)." };
        var export = new Command("export", "Writes every story, drafts too, as a story file; importing the folder again changes nothing.")
        {
            exportFolder,
        };
        export.SetAction((result, cancellationToken) => actions.ExportAsync(result.GetValue(exportFolder)!, cancellationToken));

        var count = new Option<int>("--count") { Description = "How many stories to add (1 to 1,000,000).", Required = true };
        count.Validators.Add(option =>
        {
            // A value that is not a number at all is reported by the parser itself.
            if (option.Tokens is [var token] && int.TryParse(token.Value, out var value) && value is < 1 or > 1_000_000)
            {
                option.AddError("--count must be between 1 and 1000000.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed gives the same stories.", DefaultValueFactory = _ => 42 };
        var seedDemo = new Command("seed-demo", "Adds generated stories, for benchmarks and trying the site at archive size.") { count, seed };
        seedDemo.SetAction((result, cancellationToken) => actions.SeedDemoAsync(result.GetValue(count), result.GetValue(seed), cancellationToken));

        var email = new Option<string>("--email") { Description = "The account's email address.", Required = true };
        var password = new Option<string>("--password")
        {
            Description = "The password, or - to read it from standard input (out of shell history and the process list).",
            Required = true,
        };
        var role = new Option<string>("--role") { Description = "Contributor, Editor or Admin.", Required = true };
        var createUser = new Command("create-user", "Adds an account, or gives an existing one this password and role and enables it.") { email, password, role };
        createUser.SetAction((result, cancellationToken) =>
            actions.CreateUserAsync(result.GetValue(email)!, result.GetValue(password)!, result.GetValue(role)!, cancellationToken));

        var backupFile = new Argument<string>("file") { Description = "The file to write the copy to." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the file if it exists." };
        var backup = new Command("backup", "A consistent copy of the database, also while the site serves.") { backupFile, overwrite };
        backup.SetAction((result, cancellationToken) =>
            actions.BackupAsync(result.GetValue(backupFile)!, result.GetValue(overwrite), cancellationToken));

        root.Subcommands.Add(import);
        root.Subcommands.Add(export);
        root.Subcommands.Add(seedDemo);
        root.Subcommands.Add(createUser);
        root.Subcommands.Add(backup);
        return root;
    }
}
