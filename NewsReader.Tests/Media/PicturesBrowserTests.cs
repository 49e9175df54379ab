using System.Globalization;
using Microsoft.Playwright;
using NewsReader.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Media;

[Trait("Category", "Browser")]
public sealed class PicturesBrowserTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    // Builds the dropped file inside the page, as a desktop's drag and drop hands it over.
    private const string DroppedFile = """
        ([base64, name]) => {
            const text = atob(base64);
            const bytes = new Uint8Array(text.length);
            for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, { type: "image/jpeg" }));
            return transfer;
        }
        """;

    // Adds up every layout shift the page makes, as Chromium reports them (Cumulative Layout Shift).
    private const string LayoutShiftCounter = """
        window.__layoutShift = 0;
        new PerformanceObserver(list => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
        """;

    [Fact]
    public async Task AnEditorDropsAPhotoDescribesItPublishesAndAPhoneGetsTheSmallSizeWithoutLayoutShift()
    {
        await browser.EnsureAccountAsync("photo@example.org", displayName: "Pia Photo");
        var editor = await browser.SignedInPageAsync("photo@example.org");
        await editor.GotoEditorAsync("/admin/articles/new");
        await editor.GetByLabel("Title").FillAsync("Harbour at dawn");
        await editor.GetByLabel("Summary").FillAsync("The harbour wakes up.");
        await editor.GetByLabel("Categories").FillAsync("City");
        var body = editor.GetByLabel("Body (Markdown)");
        await body.FillAsync("The first boats leave before six.");

        var photo = await editor.EvaluateHandleAsync(DroppedFile, new object[] { Convert.ToBase64String(TestImages.Jpeg(2400, 1600)), "harbour.jpg" });
        await body.DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = photo });
        var alt = editor.Locator("#story-body-upload-alt");
        await Expect(alt).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await alt.FillAsync("Fishing boats leaving the harbour at dawn");
        await editor.Locator("#story-body-upload").ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "picture-upload.png") });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Insert in the body" }).ClickAsync();
        await Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(
            @"!\[Fishing boats leaving the harbour at dawn\]\(/media/[0-9a-f]{64}-1600\.webp\)"));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(editor.Locator(".story-status")).ToHaveTextAsync("Published", new() { Timeout = 15_000 });

        var phone = await browser.NewPageAsync(width: 375, height: 740);
        await phone.AddInitScriptAsync(LayoutShiftCounter);
        var pictureRequests = new List<string>();
        phone.Request += (_, request) =>
        {
            if (request.Url.Contains("/media/", StringComparison.Ordinal))
            {
                pictureRequests.Add(request.Url);
            }
        };
        await phone.GotoAsync("/articles/harbour-at-dawn");
        var image = phone.Locator(".story-body picture img");
        await image.ScrollIntoViewIfNeededAsync();
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0);

        Assert.Equal("Fishing boats leaving the harbour at dawn", await image.GetAttributeAsync("alt"));
        Assert.Equal(("1600", "1067"), (await image.GetAttributeAsync("width"), await image.GetAttributeAsync("height")));
        var loaded = Assert.Single(pictureRequests);
        Assert.EndsWith("-480.webp", loaded, StringComparison.Ordinal);
        var shift = await phone.EvaluateAsync<double>("window.__layoutShift");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CLS on the story page at 375 px: {shift:0.0000}; picture loaded: {loaded}"));
        Assert.True(shift < 0.01, $"layout shift {shift}");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "story-with-picture-phone.png"), FullPage = true });
    }
}
