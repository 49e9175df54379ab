using Microsoft.Playwright;
using NewsReader.Accounts;
using NewsReader.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Review;

[Trait("Category", "Browser")]
public sealed class ReviewBrowserTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private const string Title = "Harbour choir wins national prize";
    private const string Note = "Say which prize, and quote the conductor.";

    private static ILocator Status(IPage page) => page.Locator(".story-status");

    private static Task ClickAsync(IPage page, string button) =>
        page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    [Fact]
    public async Task AContributorsStoryGoesThroughReviewToReaders()
    {
        await browser.EnsureAccountAsync("cora@example.org", Roles.Contributor, "Cora Contributor");
        await browser.EnsureAccountAsync("edna@example.org", Roles.Editor, "Edna Editor");

        // The contributor writes a story and submits it; then it is the editors' turn.
        var contributor = await browser.SignedInPageAsync("cora@example.org");
        await Expect(contributor.Locator("a[href='/admin/categories'], a[href='/admin/review']")).ToHaveCountAsync(0);
        await contributor.GetByRole(AriaRole.Link, new() { Name = "New story" }).ClickAsync();
        await contributor.WaitForCircuitAsync();
        await contributor.GetByLabel("Title").FillAsync(Title);
        await contributor.GetByLabel("Body (Markdown)").FillAsync("The choir from the harbour took first place.");
        await Expect(contributor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true })).ToHaveCountAsync(0);
        await ClickAsync(contributor, "Submit for review");
        await Expect(Status(contributor)).ToHaveTextAsync("In review", new() { Timeout = 15_000 });
        await Expect(contributor.GetByLabel("Title")).Not.ToBeEditableAsync();
        var storyPath = new Uri(contributor.Url).AbsolutePath;

        // The editor finds it in the queue and sends it back with a note.
        var editor = await browser.SignedInPageAsync("edna@example.org", "/admin/review");
        var adminBar = editor.GetByRole(AriaRole.Navigation, new() { Name = "Admin", Exact = true });
        await Expect(adminBar.GetByRole(AriaRole.Link, new() { Name = "Review (1)" })).ToBeVisibleAsync();
        await Expect(editor.Locator(".review-table")).ToContainTextAsync("Cora Contributor");
        await editor.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await editor.WaitForCircuitAsync();
        await Expect(Status(editor)).ToHaveTextAsync("In review");
        await ClickAsync(editor, "Send back");
        var dialog = editor.Locator(".mud-dialog");
        await dialog.GetByLabel("Note for the contributor").FillAsync(Note);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send back", Exact = true }).ClickAsync();
        await Expect(Status(editor)).ToHaveTextAsync("Draft", new() { Timeout = 15_000 });

        // The contributor sees the note in their list and in the editor, revises and resubmits.
        await contributor.GotoAsync("/admin/articles");
        await Expect(contributor.Locator(".stories-table")).ToContainTextAsync($"Sent back: {Note}", new() { Timeout = 15_000 });
        await contributor.GotoEditorAsync(storyPath);
        await Expect(contributor.Locator(".review-note-banner")).ToContainTextAsync(Note);
        await contributor.GetByLabel("Body (Markdown)").FillAsync("The choir won the Coastal Voices prize. \"We sang for the town,\" the conductor said.");
        await ClickAsync(contributor, "Submit for review");
        await Expect(Status(contributor)).ToHaveTextAsync("In review", new() { Timeout = 15_000 });

        // The editor publishes it, and an anonymous reader can read it.
        await editor.GotoEditorAsync(storyPath);
        await Expect(Status(editor)).ToHaveTextAsync("In review");
        await ClickAsync(editor, "Publish");
        await Expect(Status(editor)).ToHaveTextAsync("Published", new() { Timeout = 15_000 });

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/articles/harbour-choir-wins-national-prize");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Expect(reader.Locator(".story-body")).ToContainTextAsync("Coastal Voices prize");

        // The byline is the contributor's author page, which lists the story.
        var byline = reader.Locator(".byline").GetByRole(AriaRole.Link, new() { Name = "Cora Contributor" });
        await Expect(byline).ToHaveAttributeAsync("href", "/authors/cora-contributor");
        await byline.ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cora Contributor");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
    }
}
