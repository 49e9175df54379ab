using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsReader.Tests.Support;

/// <summary>Runs the built NewsReader executable as a user would run a command, against a given database.</summary>
public static class AppProcess
{
    /// <param name="TimedOut">The process did not end within the time allowed and was killed (ExitCode is then -1).</param>
    public sealed record Result(int ExitCode, string Output, string Errors, bool TimedOut = false);

    /// <summary>How to run it: standard input, extra environment, a time bound.</summary>
    public sealed record Options(string DatabasePath)
    {
        /// <summary>Null: "Data Source={DatabasePath}".</summary>
        public string? ConnectionString { get; init; }

        /// <summary>Written to standard input, which is then closed; null leaves it unredirected.</summary>
        public string? Input { get; init; }

        public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

        public Dictionary<string, string> Environment { get; init; } = [];

        /// <summary>When cancelled, the process is killed with SIGKILL (its result then has TimedOut set).</summary>
        public CancellationToken Kill { get; init; }
    }

    public static Task<Result> RunAsync(string databasePath, params string[] args) => RunAsync(new Options(databasePath), args);

    public static async Task<Result> RunAsync(Options options, params string[] args)
    {
        using var process = Process.Start(StartInfo(options, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (options.Input is not null)
        {
            await process.StandardInput.WriteAsync(options.Input);
            process.StandardInput.Close();
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(options.Kill);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new Result(-1, await output, await errors, TimedOut: true);
        }
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>Starts the site on a free loopback port and waits until /healthz answers.</summary>
    public static async Task<RunningSite> StartSiteAsync(Options options)
    {
        var port = FreePort();
        var process = Process.Start(StartInfo(options, ["--urls", $"http://127.0.0.1:{port}"]))!;
        var site = new RunningSite(process, new Uri($"http://127.0.0.1:{port}"));
        await site.WaitUntilReadyAsync(options.Timeout);
        return site;
    }

    private static ProcessStartInfo StartInfo(Options options, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = options.Input is not null,
            WorkingDirectory = ExistingFolder(Path.GetDirectoryName(options.DatabasePath)!),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsReader.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__News"] = options.ConnectionString ?? $"Data Source={options.DatabasePath}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Tests give each site its own database; the sample stories would only slow a start down.
        start.Environment["NewsReader__ContentDirectory"] = Path.Combine(Path.GetDirectoryName(options.DatabasePath)!, "no-samples");
        foreach (var (key, value) in options.Environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    /// <summary>The folder, or its nearest parent that exists (a test may start on a folder still to be made).</summary>
    private static string ExistingFolder(string folder)
    {
        while (!Directory.Exists(folder))
        {
            folder = Path.GetDirectoryName(folder)!;
        }
        return folder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

/// <summary>The site running as its own process; disposing kills it.</summary>
public sealed class RunningSite : IAsyncDisposable
{
    private readonly StringBuilder _log = new();

    internal RunningSite(Process process, Uri address)
    {
        Process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public Uri Address { get; }

    /// <summary>Resident memory of the process, from /proc (Linux).</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{Process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    internal async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {Process.ExitCode} before it answered:\n{Log}");
            }
            try
            {
                if ((await client.GetAsync(new Uri(Address, "/healthz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        await DisposeAsync();
        throw new TimeoutException($"The site did not answer within {timeout}:\n{Log}");
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
        }
        await Process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Process.Dispose();
    }
}
