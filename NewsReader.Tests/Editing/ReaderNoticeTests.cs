using System.Text.Json;
using NewsReader.Data;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsReader.Editing;
using NewsReader.Stories;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Editing;

/// <summary>
/// Updates and corrections of a published story, from the editor's save to what a reader sees on
/// the page, in the feed and in the JSON-LD; minor edits stay silent.
/// </summary>
public abstract class ReaderNoticeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Published = new(2026, 11, 14, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Published);
    private readonly EditingSite _site;
    private readonly HttpClient _reader;

    private readonly DatabaseProvider _provider;

    protected ReaderNoticeTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new EditingSite { Provider = _provider, Clock = _clock };
        _reader = _site.CreateClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static StoryDraft Draft(string body = "The ferry leaves at 7:15 from Monday.") =>
        new("Ferry timetable changes", "", "Summary.", "Ana Ferreira", body, "", "City", "ferries");

    private async Task<(StoryEditing Editor, StoryEdit Story, AsyncServiceScope Scope)> PublishedAsync()
    {
        var (editor, scope) = await _site.EditorAsync();
        var created = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;
        var published = Assert.IsType<SaveResult.Saved>(await editor.Saver.PublishNowAsync(created.Id, created.Version, Draft(), default)).Story;
        return (editor, published, scope);
    }

    private static Task<SaveResult> SaveAsync(StoryEditing editor, StoryEdit story, StoryDraft draft, ReaderNotice notice) =>
        editor.Saver.SaveAsync(story.Id, story.Version, draft, PublishAction.Keep, null, default, notice);

    [ProviderFact]
    public async Task AMinorEditStaysSilent()
    {
        var (editor, story, scope) = await PublishedAsync();
        await using var _ = scope;
        _clock.Advance(TimeSpan.FromHours(2));

        var saved = Assert.IsType<SaveResult.Saved>(await SaveAsync(editor, story, Draft("The ferry leaves at 7:15 from Monday!"), ReaderNotice.None));

        Assert.Null(saved.Story.NotifiedUpdateAt);
        var page = await _reader.GetDocumentAsync("/articles/ferry-timetable-changes");
        Assert.Null(page.QuerySelector(".story-updated"));
        Assert.Null(page.QuerySelector(".correction"));
        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("2026-11-14T09:00:00Z", json.GetProperty("dateModified").GetString());
    }

    [ProviderFact]
    public async Task NotifyingReadersShowsUpdatedWithTheSavesTimeUnderTheByline()
    {
        var (editor, story, scope) = await PublishedAsync();
        await using var _ = scope;
        _clock.Advance(TimeSpan.FromHours(7) + TimeSpan.FromMinutes(5));

        var saved = Assert.IsType<SaveResult.Saved>(await SaveAsync(editor, story, Draft("The ferry now leaves at 7:30."), new ReaderNotice(true, "")));

        Assert.Equal(new DateTime(2026, 11, 14, 16, 5, 0, DateTimeKind.Utc), saved.Story.NotifiedUpdateAt);
        var page = await _reader.GetDocumentAsync("/articles/ferry-timetable-changes");
        var updated = page.QuerySelector(".byline .story-updated");
        Assert.Equal("Updated 14 November 2026, 16:05", updated.Text());
        Assert.Equal("2026-11-14T16:05:00Z", updated!.QuerySelector("time")!.GetAttribute("datetime"));
        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("2026-11-14T16:05:00Z", json.GetProperty("dateModified").GetString());

        // The tick is for one save: the next minor edit keeps the same "Updated" time.
        _clock.Advance(TimeSpan.FromHours(1));
        var next = Assert.IsType<SaveResult.Saved>(await SaveAsync(editor, saved.Story, Draft("The ferry now leaves at 7:30!"), ReaderNotice.None));
        Assert.Equal(new DateTime(2026, 11, 14, 16, 5, 0, DateTimeKind.Utc), next.Story.NotifiedUpdateAt);
    }

    [ProviderFact]
    public async Task ACorrectionIsShownInAMarkedBlockInTheFeedAndInTheStructuredData()
    {
        var (editor, story, scope) = await PublishedAsync();
        await using var _ = scope;
        _clock.Advance(TimeSpan.FromHours(1));

        var correction = "An earlier version said the ferry leaves at **7:15**; it leaves at 7:30. <script>alert(1)</script>";
        var saved = Assert.IsType<SaveResult.Saved>(await SaveAsync(editor, story, Draft("The ferry leaves at 7:30 from Monday."), new ReaderNotice(false, correction)));

        Assert.NotNull(saved.Story.NotifiedUpdateAt);
        var page = await _reader.GetDocumentAsync("/articles/ferry-timetable-changes");
        var block = page.QuerySelector("article.story aside.correction");
        Assert.NotNull(block);
        Assert.Equal("Correction", block.QuerySelector("h2").Text());
        Assert.Equal("7:15", block.QuerySelector("strong").Text());
        Assert.Null(block.QuerySelector("script"));
        Assert.Equal("Updated 14 November 2026, 10:00", page.QuerySelector(".story-updated").Text());

        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        var entry = json.GetProperty("correction");
        Assert.Equal("CorrectionComment", entry.GetProperty("@type").GetString());
        Assert.StartsWith("An earlier version said the ferry leaves at 7:15; it leaves at 7:30.", entry.GetProperty("text").GetString());
        Assert.Equal("2026-11-14T10:00:00Z", entry.GetProperty("datePublished").GetString());

        var feed = XDocument.Parse(await _reader.GetStringAsync("/feed.xml"));
        XNamespace content = "http://purl.org/rss/1.0/modules/content/";
        var encoded = feed.Descendants("item").Single().Element(content + "encoded")!.Value;
        Assert.Contains("<aside class=\"correction\"><h2>Correction</h2>", encoded);
        Assert.Contains("<strong>7:15</strong>", encoded);
    }

    [ProviderFact]
    public async Task ACorrectionOverTheLimitIsRefusedAndNothingIsSaved()
    {
        var (editor, story, scope) = await PublishedAsync();
        await using var _ = scope;

        var result = await SaveAsync(editor, story, Draft("Changed body."), new ReaderNotice(true, new string('x', NewsReader.Data.StoryLimits.CorrectionLength + 1)));

        var invalid = Assert.IsType<SaveResult.Invalid>(result);
        Assert.Contains(invalid.Errors, e => e.Field == StoryField.Correction && e.Message.Contains("at most 4000 characters"));
        var page = await _reader.GetDocumentAsync("/articles/ferry-timetable-changes");
        Assert.Contains("7:15", page.QuerySelector(".story-body").Text());
        Assert.Null(page.QuerySelector(".story-updated"));
    }

    [ProviderFact]
    public async Task AFirstPublicationIsNotAnUpdate()
    {
        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var created = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft(), default)).Story;
        _clock.Advance(TimeSpan.FromHours(1));

        var published = Assert.IsType<SaveResult.Saved>(await editor.Saver.SaveAsync(
            created.Id, created.Version, Draft(), PublishAction.PublishNow, null, default, new ReaderNotice(true, ""))).Story;

        Assert.Null(published.NotifiedUpdateAt);
    }
}

public sealed class ReaderNoticeTestsOnSqlite() : ReaderNoticeTests(DatabaseProvider.Sqlite);

public sealed class ReaderNoticeTestsOnPostgres() : ReaderNoticeTests(DatabaseProvider.Postgres);
