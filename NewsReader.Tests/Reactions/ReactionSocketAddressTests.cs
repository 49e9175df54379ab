using System.Net;
using NewsReader.Data;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Reactions;

/// <summary>
/// The new-reader cap on a real Kestrel port, with clients whose sockets are bound to different
/// loopback addresses (every 127.x.y.z is local): the key is the connection's own address.
/// </summary>
public abstract class ReactionSocketAddressTests(DatabaseProvider provider) : IDisposable
{
    private readonly NewsSiteFactory _site = new() { Provider = provider, KeepAddressLimits = true };

    public void Dispose() => _site.Dispose();

    private static HttpClient ClientBoundTo(string localAddress, Uri server) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = server };

    [ProviderFact]
    public async Task CookielessReadersOnDifferentLoopbackAddressesAreCountedApart()
    {
        _site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _site.StartServer();
        await _site.AddStoryAsync("Busy story", slug: "busy-story");
        var server = new Uri(_site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        async Task<HttpStatusCode> ReactFromAsync(HttpClient client)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/articles/busy-story/reactions")
            {
                Content = new FormUrlEncodedContent([new("kind", "happy")]),
            };
            request.Headers.Add("Origin", server.GetLeftPart(UriPartial.Authority));
            return (await client.SendAsync(request)).StatusCode;
        }
        using var first = ClientBoundTo("127.0.0.2", server);
        using var second = ClientBoundTo("127.0.0.3", server);

        var fromFirst = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            fromFirst.Add(await ReactFromAsync(first));
        }
        var fromSecond = await ReactFromAsync(second);

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], fromFirst);
        Assert.Equal(HttpStatusCode.SeeOther, fromSecond);
    }
}

public sealed class ReactionSocketAddressTestsOnSqlite() : ReactionSocketAddressTests(DatabaseProvider.Sqlite);

public sealed class ReactionSocketAddressTestsOnPostgres() : ReactionSocketAddressTests(DatabaseProvider.Postgres);
