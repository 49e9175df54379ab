using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Web;

/// <summary>Another connection holds the database's write lock for longer than the site waits for it.</summary>
public sealed class BusyDatabaseTests : IDisposable
{
    private readonly NewsSiteFactory _site = new() { Environment = "Production" };

    public void Dispose() => _site.Dispose();

    private static async Task<HttpResponseMessage> ReactAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/articles/harbour/reactions")
        {
            Content = new FormUrlEncodedContent([new("kind", "happy")]),
        };
        request.Headers.Add("Origin", "http://localhost");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task WhileAnotherWriterHoldsTheLockPagesAnswerAndReactionsGetTryAgain()
    {
        await _site.AddStoryAsync("Harbour opens", slug: "harbour");
        var client = _site.CreateClient(new() { AllowAutoRedirect = false });
        client.Timeout = TimeSpan.FromSeconds(20);
        await client.GetAsync("/healthz");

        HttpResponseMessage page, busy;
        var waited = Stopwatch.StartNew();
        await using (var holder = new SqliteConnection($"Data Source={_site.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }

            page = await client.GetAsync("/articles/harbour");
            busy = await ReactAsync(client);
            waited.Stop();
        }
        var afterwards = await ReactAsync(client);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.NotNull(busy.Headers.RetryAfter);
        Assert.Contains("try again", await busy.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.InRange(waited.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.SeeOther, afterwards.StatusCode);
    }
}
