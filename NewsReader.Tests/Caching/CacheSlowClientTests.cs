using System.Net;
using NewsReader.Data;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Caching;

/// <summary>A client that reads slowly holds its own connection, never other readers' requests.</summary>
public abstract class CacheSlowClientTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly NewsSiteFactory _site = new() { Provider = provider };
    private Uri _address = default!;

    public async Task InitializeAsync()
    {
        _site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _site.StartServer();
        _address = new Uri(_site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        // About 5 MB of sitemap: more than the socket buffers (a few MB on loopback) and Kestrel take from a client that reads slowly.
        await _site.GetService<NewsReader.Demo.DemoSeeder>().SeedAsync(30_000, 7, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [ProviderFact]
    public async Task AClientReadingTheSitemapAtAFewHundredBytesASecondDoesNotMakeOthersWaitForIt()
    {
        using var slow = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 2048 };
        await slow.ConnectAsync(_address.Host, _address.Port);
        await slow.SendAsync(Encoding.ASCII.GetBytes($"GET /sitemap.xml HTTP/1.1\r\nHost: {_address.Authority}\r\n\r\n"));
        var firstBytes = new byte[300];
        Assert.True(await slow.ReceiveAsync(firstBytes) > 0);

        using var stop = new CancellationTokenSource();
        // Fast enough for Kestrel's minimum data rate (240 B/s), slow enough to take over an hour.
        var trickle = Task.Run(async () =>
        {
            var buffer = new byte[300];
            while (!stop.IsCancellationRequested && await slow.ReceiveAsync(buffer) > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token).ContinueWith(_ => { });
            }
        });

        try
        {
            using var other = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(20) };
            var response = await other.GetAsync("/sitemap.xml");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("</urlset>", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await stop.CancelAsync();
            slow.Close();
            await trickle.ContinueWith(_ => { });
        }
    }
}

public sealed class CacheSlowClientTestsOnSqlite() : CacheSlowClientTests(DatabaseProvider.Sqlite);

public sealed class CacheSlowClientTestsOnPostgres() : CacheSlowClientTests(DatabaseProvider.Postgres);
