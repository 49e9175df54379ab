using System.Diagnostics;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NewsReader.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Editing;

[Trait("Category", "Browser")]
public sealed class EditingBrowserTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private static ILocator Status(IPage page) => page.Locator(".story-status");

    /// <summary>Clicks a save button and waits for the revision that explicit save adds.</summary>
    private static async Task SaveAsync(IPage page, string button)
    {
        var revisions = page.Locator(".revision-table tbody tr");
        var before = await revisions.CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(revisions).ToHaveCountAsync(before + 1, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task AnEditorWritesPublishesEditsMovesAndRestoresAStory()
    {
        await browser.EnsureAccountAsync("writer@example.org", displayName: "Wren Writer");
        var editor = await browser.SignedInPageAsync("writer@example.org");

        // Write a story in Markdown and watch the preview.
        await editor.GetByRole(AriaRole.Link, new() { Name = "New story" }).ClickAsync();
        await Expect(editor).ToHaveURLAsync($"{browser.BaseUrl}/admin/articles/new");
        await editor.WaitForCircuitAsync();
        await editor.GetByLabel("Title").FillAsync("Harbour lights festival returns");
        await Expect(editor.GetByLabel("Slug")).ToHaveValueAsync("harbour-lights-festival-returns");
        await editor.GetByLabel("Summary").FillAsync("Lanterns on the water again.");
        await editor.GetByLabel("Categories").FillAsync("Culture, City");
        await editor.GetByLabel("Body (Markdown)").FillAsync("## Lanterns\n\nThe **lantern** parade starts at the old pier at dusk.");
        var preview = editor.Locator(".preview-body");
        await Expect(preview.Locator("h2")).ToHaveTextAsync("Lanterns");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("lantern");
        await Expect(editor.Locator(".editor-preview time.read-time")).ToContainTextAsync("Read time:");
        await editor.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "editor.png"), FullPage = true });

        // Publish, and find it as an anonymous reader.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(Status(editor)).ToHaveTextAsync("Published");
        await Expect(editor).ToHaveURLAsync(new Regex(@"/admin/articles/\d+$"));
        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Harbour lights festival returns" }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Harbour lights festival returns");
        await Expect(reader.Locator(".story-body strong")).ToHaveTextAsync("lantern");

        // Edit it and move it to a new slug: the old address answers 301 to the new one.
        await editor.GetByLabel("Slug").FillAsync("harbour-lights-2026");
        await editor.GetByLabel("Body (Markdown)").FillAsync("## Lanterns\n\nThe parade moves to the **new** pier this year.");
        await SaveAsync(editor, "Save changes");
        var old = await reader.Context.APIRequest.GetAsync("/articles/harbour-lights-festival-returns", new() { MaxRedirects = 0 });
        Assert.Equal(301, old.Status);
        Assert.Equal("/articles/harbour-lights-2026", old.Headers["location"]);
        await reader.GotoAsync("/articles/harbour-lights-festival-returns");
        await Expect(reader).ToHaveURLAsync($"{browser.BaseUrl}/articles/harbour-lights-2026");
        await Expect(reader.Locator(".story-body strong")).ToHaveTextAsync("new");

        // Restore the first revision and save it: readers get the first text back.
        var firstRevision = editor.Locator(".revision-table tbody tr").Last;
        await Expect(firstRevision).ToContainTextAsync("Published");
        await firstRevision.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Expect(editor.GetByLabel("Body (Markdown)")).ToHaveValueAsync("## Lanterns\n\nThe **lantern** parade starts at the old pier at dusk.");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("lantern");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(editor.Locator(".revision-table tbody tr")).ToHaveCountAsync(3);
        await reader.GotoAsync("/articles/harbour-lights-festival-returns");
        await Expect(reader.Locator(".story-body strong")).ToHaveTextAsync("lantern");
    }

    [Fact]
    public async Task TwoEditorsSavingOneStoryTheSecondSeesAConflictAndKeepsTheirText()
    {
        await browser.EnsureAccountAsync("first@example.org", displayName: "First Editor");
        await browser.EnsureAccountAsync("second@example.org", displayName: "Second Editor");
        var first = await browser.SignedInPageAsync("first@example.org", "/admin/articles/new");
        await first.GetByLabel("Title").FillAsync("Shared story");
        await first.GetByLabel("Body (Markdown)").FillAsync("The original body.");
        await SaveAsync(first, "Save draft");
        var storyPath = new Uri(first.Url).AbsolutePath;
        var second = await browser.SignedInPageAsync("second@example.org", storyPath);

        await first.GetByLabel("Body (Markdown)").FillAsync("The first editor's body.");
        await SaveAsync(first, "Save draft");
        await second.GetByLabel("Body (Markdown)").FillAsync("The second editor's body.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        var conflict = second.Locator(".conflict");
        await Expect(conflict).ToContainTextAsync("This story was changed by First Editor");
        await Expect(second.GetByLabel("Body (Markdown)")).ToHaveValueAsync("The second editor's body.");
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Show their version" }).ClickAsync();
        await Expect(second.Locator(".their-version")).ToContainTextAsync("The first editor's body.");
        await second.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, "editor-conflict.png"), FullPage = true });
        await first.ReloadAsync();
        await first.WaitForCircuitAsync();
        await Expect(first.GetByLabel("Body (Markdown)")).ToHaveValueAsync("The first editor's body.");
    }

    [Fact]
    public async Task WhatWasTypedIsOfferedBackAfterAReload()
    {
        await browser.EnsureAccountAsync("reload@example.org");
        var editor = await browser.SignedInPageAsync("reload@example.org", "/admin/articles/new");
        // No title: autosave keeps nothing on the server, so only the browser's copy holds this.
        await editor.GetByLabel("Body (Markdown)").FillAsync("Words that must survive a reload.");
        await editor.WaitForFunctionAsync("() => (localStorage.getItem('newsreader:story:new') || '').includes('survive a reload')");

        await editor.ReloadAsync();
        await editor.WaitForCircuitAsync();

        var offer = editor.Locator(".local-copy-offer");
        await Expect(offer).ToContainTextAsync("Restore unsaved changes from");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Expect(editor.GetByLabel("Body (Markdown)")).ToHaveValueAsync("Words that must survive a reload.");
        await Expect(editor.Locator(".preview-body")).ToContainTextAsync("Words that must survive a reload.");
    }

    [Fact]
    public async Task A200KilobyteBodyTypesPreviewsAndSavesWithoutDroppingTheCircuit()
    {
        await browser.EnsureAccountAsync("long@example.org");
        var editor = await browser.SignedInPageAsync("long@example.org", "/admin/articles/new");
        var paragraph = "The harbour board met again on Tuesday to discuss the long-delayed plans for the quay. ";
        var body = string.Join("\n\n", Enumerable.Range(1, 2000).Select(i => $"{paragraph}Paragraph {i}."));
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(body), 200_000, 230_000);
        await editor.GetByLabel("Title").FillAsync("A very long story");

        // Pasted, as a long story arrives in practice: Playwright's FillAsync types it through
        // Chromium's insertText, which takes most of a minute for 200 KB in any textarea.
        var typed = Stopwatch.StartNew();
        await editor.GetByLabel("Body (Markdown)").EvaluateAsync(
            "(box, text) => { box.value = text; box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' })); }",
            body);
        await Expect(editor.Locator(".preview-body")).ToContainTextAsync("Paragraph 2000.", new() { Timeout = 15_000 });
        output.WriteLine($"200 KB body: preview updated {typed.ElapsedMilliseconds} ms after the text was entered");
        await editor.GetByLabel("Body (Markdown)").PressSequentiallyAsync(" The end.");
        await Expect(editor.Locator(".preview-body")).ToContainTextAsync("Paragraph 2000. The end.", new() { Timeout = 15_000 });

        var saving = Stopwatch.StartNew();
        await SaveAsync(editor, "Save draft");
        output.WriteLine($"200 KB body: Save draft took {saving.ElapsedMilliseconds} ms from the click to its revision listed");

        await Expect(editor.Locator("#components-reconnect-modal[open], .components-reconnect-show")).ToHaveCountAsync(0);
        await editor.GetByLabel("Summary").FillAsync("Still connected.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(editor.Locator(".revision-table tbody tr")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task TheStoriesTableSearchesAndFiltersByStatus()
    {
        await browser.Site.AddStoryAsync("Table story published", slug: "table-story-published");
        await browser.Site.AddStoryAsync("Table story draft", slug: "table-story-draft", draft: true);
        await browser.EnsureAccountAsync("table@example.org");
        var page = await browser.SignedInPageAsync("table@example.org");

        await page.GetByLabel("Search headlines").FillAsync("table story");
        await Expect(page.Locator(".stories-table tbody tr")).ToHaveCountAsync(2);
        await page.Locator(".status-filter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Draft", Exact = true }).ClickAsync();
        await Expect(page.Locator(".stories-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator(".stories-table tbody tr")).ToContainTextAsync("Draft");
        await page.GetByRole(AriaRole.Link, new() { Name = "Table story draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/articles/\d+$"));
        await page.WaitForCircuitAsync();
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Table story draft");
    }

    [Theory]
    [InlineData("/admin/articles")]
    [InlineData("/admin/articles/new")]
    [InlineData("/admin/categories")]
    [InlineData("/admin/authors")]
    public async Task AdminPagesHaveNoSeriousOrCriticalAccessibilityViolations(string path)
    {
        await browser.EnsureAccountAsync("axe@example.org");
        await browser.Site.AddStoryAsync("A story for the table", slug: "axe-story");
        var page = await browser.SignedInPageAsync("axe@example.org", path);

        var result = await page.RunAxe();

        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{path}:\n" + string.Join("\n", serious));
    }
}
