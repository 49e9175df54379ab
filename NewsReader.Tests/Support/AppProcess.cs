using System.Diagnostics;

namespace NewsReader.Tests.Support;

/// <summary>Runs the built NewsReader executable as a user would run a command, against a given database.</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static async Task<Result> RunAsync(string databasePath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsReader.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__News"] = $"Data Source={databasePath}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>The repository's own folder, found from the test's output folder.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "NewsReader.sln")))
                {
                    return folder.FullName;
                }
            }
            throw new InvalidOperationException("NewsReader.sln not found above the test output folder.");
        }
    }
}
