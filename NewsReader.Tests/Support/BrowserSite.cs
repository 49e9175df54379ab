using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace NewsReader.Tests.Support;

/// <summary>
/// The site on a real loopback port and the system Chromium driving it. Playwright's own browser
/// downloads are not used: CI installs Debian's chromium package.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public NewsSiteFactory Site { get; } = new();
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        Site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Site.StartServer();
        var addresses = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().TrimEnd('/');

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does this).");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <param name="timezoneId">The browser's own time zone (IANA id); null: the machine's.</param>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true, int width = 1280, int height = 900, string? timezoneId = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScriptEnabled,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timezoneId,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}
