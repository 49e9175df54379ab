using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsReader.Tests.Support;

/// <summary>
/// The built site running as a process of its own on a loopback port, as it runs in production:
/// for what only a whole process shows (its memory, surviving a kill).
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiteProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>Resident memory of the process, from /proc (Linux).</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the site on <paramref name="databasePath"/> and waits until /healthz answers.</summary>
    public static async Task<SiteProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsReader.dll"));
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__News"] = $"Data Source={databasePath}";
        start.Environment["NewsReader__ContentDirectory"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "no-stories");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        // Drained so that a chatty process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var site = new SiteProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var client = new HttpClient { BaseAddress = site.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return site;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        await site.DisposeAsync();
        throw new InvalidOperationException($"The site did not start on port {port}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Ends the process at once, as a power cut or the OOM killer would (SIGKILL).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
