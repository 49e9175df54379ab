using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsReader.Tests.Support;

/// <summary>
/// A test of the several-instances layout (<see cref="ClusterSite"/>): it needs a PostgreSQL server
/// (NEWSREADER_TEST_POSTGRES), a Redis server (NEWSREADER_TEST_REDIS) and nginx, and is skipped,
/// saying which of them is missing, without them. CI sets both variables and installs nginx, and
/// fails when a test was skipped.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        var missing = new List<string>();
        if (!TestPostgres.IsConfigured)
        {
            missing.Add($"{TestPostgres.Variable} is not set (a PostgreSQL connection string for a role that may create databases)");
        }
        if (ClusterSite.RedisConfiguration is null)
        {
            missing.Add($"{ClusterSite.RedisVariable} is not set (a Redis server, such as 127.0.0.1:6379)");
        }
        if (!File.Exists(ClusterSite.NginxPath))
        {
            missing.Add($"nginx is not installed at {ClusterSite.NginxPath} (apt-get install -y nginx)");
        }
        if (missing.Count > 0)
        {
            Skip = "The cluster test needs PostgreSQL, Redis and nginx: " + string.Join("; ", missing) + ".";
        }
    }
}

/// <summary>
/// The layout of deploy/local-cluster.sh in a temporary folder: two NewsReader processes on one new
/// PostgreSQL database and one Redis server, started together, and nginx in front of them on a free
/// loopback port — reader pages in turns (round robin), /admin, /account and /_blazor sticky by
/// client address, WebSocket upgrades, forwarded headers. nginx logs which instance answered each
/// request (<see cref="AccessLog"/>). Disposing kills nginx and both instances, drops the database and
/// deletes the folder.
/// </summary>
public sealed class ClusterSite : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";
    public const string RedisVariable = "NEWSREADER_TEST_REDIS";

    /// <summary>The configured admin of both instances (NewsReader:Admin:Email/Password).</summary>
    public const string AdminEmail = "cluster-admin@example.org";

    public static string? RedisConfiguration =>
        System.Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } value ? value : null;

    private readonly string _folder;
    private Process? _nginx;
    private readonly StringBuilder _nginxOutput = new();
    private readonly List<HttpClient> _readers = [];

    private ClusterSite(string folder, string connectionString)
    {
        _folder = folder;
        ConnectionString = connectionString;
    }

    /// <summary>The new database both instances use.</summary>
    public string ConnectionString { get; }

    public RunningSite A { get; private set; } = default!;

    public RunningSite B { get; private set; } = default!;

    /// <summary>nginx: http://127.0.0.1:port.</summary>
    public Uri Front { get; private set; } = default!;

    public string AccessLogPath => Path.Combine(_folder, "nginx", "access.log");

    /// <summary>The upstream address nginx names for an instance ("127.0.0.1:port").</summary>
    public static string UpstreamOf(RunningSite instance) => $"{instance.Address.Host}:{instance.Address.Port}";

    /// <param name="stories">Story files (name, Markdown with front matter) the first instance imports into the empty database.</param>
    public static async Task<ClusterSite> StartAsync(params (string FileName, string Markdown)[] stories)
    {
        var folder = Directory.CreateTempSubdirectory("newsreader-cluster-").FullName;
        var site = new ClusterSite(folder, TestPostgres.NewDatabase());
        try
        {
            await site.StartInstancesAsync(stories);
            await site.StartNginxAsync();
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
        return site;
    }

    private async Task StartInstancesAsync((string FileName, string Markdown)[] stories)
    {
        var content = Path.Combine(_folder, "stories");
        Directory.CreateDirectory(content);
        foreach (var (fileName, markdown) in stories)
        {
            await File.WriteAllTextAsync(Path.Combine(content, fileName), markdown);
        }
        // Keys of this cluster only, so that no page cached by another test (or an earlier run) on
        // the same Redis server is ever served here.
        var redisPrefix = $"newsreader-cluster-test:{Guid.NewGuid():N}:";
        AppProcess.Options Options(string name) => new(Path.Combine(_folder, name, "unused.db"))
        {
            ConnectionString = ConnectionString,
            Environment =
            {
                // The build output, not a published site: blazor.web.js and MudBlazor's files (the
                // admin's circuit) are served from the build's static web assets manifest, which the
                // host reads in Development only (the in-process browser tests run so too).
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                // As appsettings.Development.json says (the content root here is the instance's
                // folder, which has none): Development's default re-reads each asset uncompressed and
                // still labels it with the compressed variant's Content-Encoding, which browsers refuse.
                ["ReloadStaticAssetsAtRuntime"] = "false",
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Redis"] = RedisConfiguration!,
                ["NewsReader__Redis__InstanceName"] = redisPrefix,
                ["NewsReader__ContentDirectory"] = content,
                ["NewsReader__Admin__Email"] = AdminEmail,
                ["NewsReader__Admin__Password"] = SignIn.Password,
                // Every test reader comes through nginx from 127.0.0.1: the per-address limits on
                // new readers (three a story a minute) would refuse the fourth.
                ["NewsReader__Reactions__NewReadersPerAddressPerMinute"] = "100000",
                ["NewsReader__Reactions__NewReadersPerAddressPerStoryPerMinute"] = "100000",
                ["NewsReader__Reactions__PerAddressPerMinute"] = "100000",
            },
        };
        Directory.CreateDirectory(Path.Combine(_folder, "a"));
        Directory.CreateDirectory(Path.Combine(_folder, "b"));
        // Together, as the cluster script starts them: one migrates, makes the roles and the admin and
        // imports the stories; the other waits for it and finds them done.
        var a = AppProcess.StartSiteAsync(Options("a"));
        var b = AppProcess.StartSiteAsync(Options("b"));
        try
        {
            await Task.WhenAll(a, b);
        }
        finally
        {
            // Whichever came up is killed on dispose, even when the other did not.
            if (a.IsCompletedSuccessfully) A = a.Result;
            if (b.IsCompletedSuccessfully) B = b.Result;
        }
    }

    private async Task StartNginxAsync()
    {
        var n = Path.Combine(_folder, "nginx");
        var temp = Path.Combine(n, "temp");
        Directory.CreateDirectory(temp);
        var port = FreePort();
        Front = new Uri($"http://127.0.0.1:{port}");
        var user = "";
        if (!OperatingSystem.IsWindows() && System.Environment.UserName == "root")
        {
            // As root the master hands its workers to an unprivileged user, who must reach the temp folders.
            user = File.ReadAllText("/etc/passwd").Contains("\nwww-data:", StringComparison.Ordinal) ? "user www-data;" : "user nobody nogroup;";
            var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(_folder, open);
            File.SetUnixFileMode(n, open);
            File.SetUnixFileMode(temp, open | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        }
        var servers = $"        server {UpstreamOf(A)} max_fails=1 fail_timeout=5s;\n        server {UpstreamOf(B)} max_fails=1 fail_timeout=5s;\n";
        // The shape of deploy/local-cluster.sh's nginx.conf, every path inside the folder.
        var conf = $$"""
            {{user}}
            daemon off;
            worker_processes 1;
            pid {{n}}/nginx.pid;
            error_log {{n}}/error.log warn;

            events {
                worker_connections 1024;
            }

            http {
                # Tab-separated: method, path, status, the instance(s) that answered, their status(es).
                log_format upstream '$request_method\t$request_uri\t$status\t$upstream_addr\t$upstream_status';
                access_log {{n}}/access.log upstream;

                client_body_temp_path {{temp}}/client_body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                client_max_body_size 25m;

                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      '';
                }

                upstream newsreader {
            {{servers}}        keepalive 32;
                }

                upstream newsreader_sticky {
                    hash $remote_addr consistent;
            {{servers}}        keepalive 16;
                }

                server {
                    listen 127.0.0.1:{{port}};

                    proxy_http_version 1.1;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $remote_addr;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header X-Forwarded-Host $http_host;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_set_header Upgrade $http_upgrade;

                    location / {
                        proxy_pass http://newsreader;
                    }

                    location /admin {
                        proxy_pass http://newsreader_sticky;
                    }

                    location /account {
                        proxy_pass http://newsreader_sticky;
                    }

                    location /_blazor {
                        proxy_pass http://newsreader_sticky;
                        proxy_read_timeout 1h;
                        proxy_send_timeout 1h;
                        proxy_buffering off;
                    }
                }
            }
            """;
        var confPath = Path.Combine(n, "nginx.conf");
        await File.WriteAllTextAsync(confPath, conf);

        var start = new ProcessStartInfo(NginxPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // -e: the error log before the configuration is read is in the folder too, not /var/log/nginx.
        foreach (var arg in new[] { "-p", n + "/", "-c", confPath, "-e", Path.Combine(n, "error.log") })
        {
            start.ArgumentList.Add(arg);
        }
        _nginx = Process.Start(start)!;
        _nginx.OutputDataReceived += (_, e) => AppendNginx(e.Data);
        _nginx.ErrorDataReceived += (_, e) => AppendNginx(e.Data);
        _nginx.BeginOutputReadLine();
        _nginx.BeginErrorReadLine();

        // Up once it answers: a reader page, through either instance.
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_nginx.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_nginx.ExitCode}:\n{NginxOutput}\n{ReadIfExists(Path.Combine(n, "error.log"))}");
            }
            try
            {
                if ((await client.GetAsync(new Uri(Front, "/healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"nginx did not answer on {Front} in 30 s:\n{NginxOutput}\n{ReadIfExists(Path.Combine(n, "error.log"))}");
            }
            await Task.Delay(50);
        }
    }

    private string NginxOutput
    {
        get
        {
            lock (_nginxOutput)
            {
                return _nginxOutput.ToString();
            }
        }
    }

    private void AppendNginx(string? line)
    {
        lock (_nginxOutput)
        {
            _nginxOutput.AppendLine(line);
        }
    }

    /// <summary>One request as nginx logged it; <see cref="Upstreams"/> is every instance it tried, in order.</summary>
    public sealed record LoggedRequest(string Method, string Path, int Status, IReadOnlyList<string> Upstreams);

    /// <summary>
    /// The requests nginx has logged, waiting (up to ten seconds) until at least
    /// <paramref name="atLeast"/> match <paramref name="which"/>: nginx writes a line once it has
    /// sent the answer, so the client may read the answer a moment before the line is there.
    /// </summary>
    public async Task<IReadOnlyList<LoggedRequest>> AccessLogAsync(Func<LoggedRequest, bool> which, int atLeast)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var lines = (await ReadSharedAsync(AccessLogPath))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .Select(f => new LoggedRequest(f[0], f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
                    f[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
                .Where(which)
                .ToList();
            if (lines.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return lines;
            }
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// A reader with a browser of their own on <paramref name="site"/> (an instance or nginx): cookies
    /// kept, redirects shown rather than followed. Disposed with the cluster.
    /// </summary>
    public HttpClient NewReader(Uri site)
    {
        var reader = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = site,
            Timeout = TimeSpan.FromSeconds(30),
        };
        lock (_readers)
        {
            _readers.Add(reader);
        }
        return reader;
    }

    /// <summary>Presses a reaction button as the story page's form does (its Origin is the site posted to).</summary>
    public static Task<HttpResponseMessage> ReactAsync(HttpClient reader, string slug, string kind)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{slug}/reactions")
        {
            Content = new FormUrlEncodedContent([new("kind", kind)]),
        };
        request.Headers.Add("Origin", reader.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return reader.SendAsync(request);
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }
        if (_nginx is not null)
        {
            if (!_nginx.HasExited)
            {
                _nginx.Kill(entireProcessTree: true);
            }
            await _nginx.WaitForExitAsync();
            _nginx.Dispose();
        }
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        TestPostgres.DropDatabase(ConnectionString);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a process on its way out; the folder is in the temp folder anyway.
        }
    }
}
