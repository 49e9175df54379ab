using System.Net;
using System.Net.Sockets;

namespace NewsReader.Tests.Support;

/// <summary>
/// Readers posting reactions to a site on a real port, each from its own loopback address
/// (127.0.x.y, all local on Linux), so per-address limits see many readers rather than one.
/// No cookies: every post is a new reader.
/// </summary>
public sealed class ReaderClients(Uri site) : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    public HttpClient ClientFrom(int reader)
    {
        // 127.0.1.1 … 127.0.250.250: skips .0 and .255 and never uses 127.0.0.1, the site's own.
        var local = new IPAddress([127, 0, (byte)(1 + reader / 250 % 250), (byte)(1 + reader % 250)]);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(30) };
        lock (_clients)
        {
            _clients.Add(client);
        }
        return client;
    }

    /// <summary>One reaction post by a new reader, as the story page's form sends it.</summary>
    public async Task<HttpStatusCode> ReactAsync(int reader, string slug, string kind = "happy")
    {
        var client = ClientFrom(reader);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{slug}/reactions")
        {
            Content = new FormUrlEncodedContent([new("kind", kind)]),
        };
        request.Headers.Add("Origin", site.GetLeftPart(UriPartial.Authority));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public void Dispose()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }
    }
}
