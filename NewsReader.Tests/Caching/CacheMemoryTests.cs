using System.Net;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Caching;

/// <summary>
/// A flood of requests that differ only in what no page reads must not fill the server's memory:
/// measured on the real process, as an attacker would see it.
/// </summary>
public sealed class CacheMemoryTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsreader-tests", Guid.NewGuid().ToString("N"));
    private RunningSite _site = default!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _site = await AppProcess.StartSiteAsync(new AppProcess.Options(Path.Combine(_folder, "news.db")));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TwentyThousandRequestsWithHugeDistinctQueryStringsLeaveTheProcessUnder400MBAndTheCacheServing()
    {
        const int requests = 20_000;
        var padding = new string('x', 100_000);
        var next = 0;
        async Task SendAsync()
        {
            using var client = new HttpClient { BaseAddress = _site.Address, Timeout = TimeSpan.FromSeconds(30) };
            int i;
            while ((i = Interlocked.Increment(ref next)) <= requests)
            {
                using var response = await client.GetAsync($"/robots.txt?n={i}&pad={padding}", HttpCompletionOption.ResponseHeadersRead);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync()));

        Assert.False(_site.Process.HasExited);
        var resident = _site.ResidentBytes;
        Assert.True(resident < 400L * 1024 * 1024, $"the process holds {resident / (1024 * 1024)} MB after the flood");
        using var reader = new HttpClient { BaseAddress = _site.Address };
        await reader.GetAsync("/robots.txt");
        var cached = await reader.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.True(cached.Headers.Age.HasValue, "the cache no longer serves after the flood");
    }
}
