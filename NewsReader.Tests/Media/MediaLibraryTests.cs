using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Data;
using NewsReader.Editing;
using NewsReader.Media;
using NewsReader.Stories;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Media;

/// <summary>The media library on a real site and database: upload, serve, describe, publish, delete.</summary>
public abstract class MediaLibraryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EditingSite _site = new() { Provider = provider };
    private AsyncServiceScope _scope;

    private MediaLibrary Library => _scope.ServiceProvider.GetRequiredService<MediaLibrary>();

    public async Task InitializeAsync() => _scope = await _site.SignedInScopeAsync(displayName: "Ana Ferreira");

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _site.DisposeAsync();
    }

    private async Task<MediaPicture> UploadAsync(byte[] bytes, string fileName = "depot.jpg")
    {
        var stored = Assert.IsType<UploadOutcome.Stored>(await Library.UploadAsync(new MemoryStream(bytes), fileName, default));
        return Assert.IsType<MediaPicture>(await Library.WhenReadyAsync(stored.Picture.Hash, (_, _) => { }, default));
    }

    private async Task<int> CountAsync(Func<NewsDbContext, Task<int>> count)
    {
        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await count(db);
    }

    [ProviderFact]
    public async Task AnUploadedPictureIsServedAtEveryWidthForAYearWithETagAndRanges()
    {
        var picture = await UploadAsync(TestImages.Jpeg(2000, 1500));
        var client = _site.CreateClient();

        Assert.Equal([480, 960, 1600], picture.Widths);
        var small = await client.GetAsync(MediaUrls.Path(picture.Hash, 480, "webp"));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("image/webp", small.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", small.Headers.CacheControl!.ToString());
        var etag = Assert.IsType<EntityTagHeaderValue>(small.Headers.ETag);
        var bytes = await small.Content.ReadAsByteArrayAsync();
        using (var image = NetVips.Image.NewFromBuffer(bytes))
        {
            Assert.Equal((480, 360), (image.Width, image.Height));
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, MediaUrls.Path(picture.Hash, 480, "webp"));
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        using var part = new HttpRequestMessage(HttpMethod.Get, MediaUrls.Path(picture.Hash, 480, "webp"));
        part.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await client.SendAsync(part);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[..100], await partial.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(MediaUrls.Path(picture.Hash, 1600, "jpg"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(MediaUrls.Path(picture.Hash, 2000, "jpg"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{picture.Hash}-0.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(MediaUrls.Path(new string('0', 64), 480, "webp"))).StatusCode);
    }

    [ProviderFact]
    public async Task TheSamePictureUploadedTwiceIsStoredOnce()
    {
        var bytes = TestImages.Png(900, 600);
        var first = await UploadAsync(bytes, "chart.png");
        var second = Assert.IsType<UploadOutcome.Stored>(await Library.UploadAsync(new MemoryStream(bytes), "chart-copy.png", default));

        Assert.True(second.AlreadyInLibrary);
        Assert.Equal(first.Hash, second.Picture.Hash);
        Assert.Equal(1, await CountAsync(db => db.Media.CountAsync()));
    }

    [ProviderFact]
    public async Task AFileThatIsNotAPictureIsRefusedWithAMessageAndStoresNothing()
    {
        var outcome = await Library.UploadAsync(new MemoryStream("not a picture at all"u8.ToArray()), "holiday.jpg", default);

        Assert.Contains("holiday.jpg", Assert.IsType<UploadOutcome.Refused>(outcome).Message);
        Assert.Equal(0, await CountAsync(db => db.MediaFiles.CountAsync()));
    }

    [ProviderFact]
    public async Task NobodySignedOutCanUpload()
    {
        await using var anonymous = _site.Services.CreateAsyncScope();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            anonymous.ServiceProvider.GetRequiredService<MediaLibrary>().UploadAsync(new MemoryStream(TestImages.Png(10, 10)), "x.png", default));
    }

    [ProviderFact]
    public async Task AStoryWithAnUndescribedPictureIsNotPublishedUntilItIsDescribed()
    {
        var picture = await UploadAsync(TestImages.Jpeg(1800, 1200));
        var saver = _scope.ServiceProvider.GetRequiredService<StorySaver>();
        var draft = new StoryDraft("Depot opens", "", "The depot opens.", "Ana Ferreira",
            $"The new depot.\n\n![]({picture.Url})\n\nMore words.", "", "City", "");
        var created = Assert.IsType<SaveResult.Saved>(await saver.CreateAsync(draft, default)).Story;

        var refused = Assert.IsType<SaveResult.Invalid>(await saver.PublishNowAsync(created.Id, created.Version, draft, default));
        Assert.Contains(picture.Url, Assert.Single(refused.Errors).Message);
        Assert.Null(await _site.GetService<PublishedStories>().GetPublishedAsync("depot-opens", default));

        Assert.Null(await Library.SetAltTextAsync(picture.Hash, "The depot's red doors, open", default));
        Assert.IsType<SaveResult.Saved>(await saver.PublishNowAsync(created.Id, created.Version, draft, default));

        var page = await _site.CreateClient().GetDocumentAsync("/articles/depot-opens");
        var image = page.QuerySelector(".story-body picture img")!;
        Assert.Equal("The depot's red doors, open", image.GetAttribute("alt"));
        Assert.Equal(("1600", "1067"), (image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Contains($"/media/{picture.Hash}-480.jpg 480w", image.GetAttribute("srcset"));
        Assert.Contains($"/media/{picture.Hash}-480.webp 480w", page.QuerySelector(".story-body picture source")!.GetAttribute("srcset"));
    }

    [ProviderFact]
    public async Task APictureAStoryUsesIsNotDeletedAndTheStoryIsNamedAnUnusedOneIsGoneAtOnce()
    {
        var used = await UploadAsync(TestImages.Jpeg(1000, 800));
        var unused = await UploadAsync(TestImages.Png(700, 500), "unused.png");
        await _site.AddStoryAsync("Harbour crane returns", $"![Crane]({used.Url})");
        var client = _site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(MediaUrls.Path(unused.Hash, 480, "webp"))).StatusCode);

        Assert.Equal(["Harbour crane returns"], await Library.DeleteAsync(used.Hash, default));
        Assert.Empty(await Library.DeleteAsync(unused.Hash, default));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(MediaUrls.Path(used.Hash, 480, "webp"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(MediaUrls.Path(unused.Hash, 480, "webp"))).StatusCode);
        var listed = await Library.ListAsync(null, 10, default);
        Assert.Equal(["Harbour crane returns"], Assert.Single(listed).UsedBy);
    }

    [ProviderFact]
    public async Task ALibraryLeadImageLoadsFirstOnTheStoryPageWithItsAltTextAndDecoratesCardsWithEverySize()
    {
        var picture = await UploadAsync(TestImages.Jpeg(1600, 900));
        Assert.Null(await Library.SetAltTextAsync(picture.Hash, "Cranes over the harbour", default));
        await _site.AddStoryAsync("Harbour crane returns", leadImage: picture.Url, slug: "crane");
        var client = _site.CreateClient();

        var story = await client.GetDocumentAsync("/articles/crane");
        var lead = story.QuerySelector("figure.lead-image picture img")!;
        Assert.Equal("Cranes over the harbour", lead.GetAttribute("alt"));
        Assert.Equal(("eager", "high"), (lead.GetAttribute("loading"), lead.GetAttribute("fetchpriority")));
        Assert.Equal(("1600", "900"), (lead.GetAttribute("width"), lead.GetAttribute("height")));
        Assert.Contains($"/media/{picture.Hash}-480.webp 480w", story.QuerySelector("figure.lead-image source")!.GetAttribute("srcset"));
        Assert.EndsWith($"/media/{picture.Hash}-1600.jpg", story.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("Cranes over the harbour", story.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"));

        var home = await client.GetDocumentAsync("/");
        var card = home.QuerySelector("article.article-card picture img.card-image")!;
        Assert.Equal("", card.GetAttribute("alt"));
        Assert.Equal("lazy", card.GetAttribute("loading"));
        Assert.Contains($"/media/{picture.Hash}-480.jpg 480w", card.GetAttribute("srcset"));
    }

    [ProviderFact]
    public async Task DescribingAPictureAnewChangesItOnEveryStoryPageThatShowsItAtOnce()
    {
        var picture = await UploadAsync(TestImages.Jpeg(1000, 700));
        Assert.Null(await Library.SetAltTextAsync(picture.Hash, "A crane", default));
        await _site.AddStoryAsync("Harbour crane returns", $"Words.\n\n![]({picture.Url})", slug: "crane");
        var client = _site.CreateClient();
        Assert.Equal("A crane", (await client.GetDocumentAsync("/articles/crane")).QuerySelector(".story-body img")!.GetAttribute("alt"));
        var cached = await client.GetAsync("/articles/crane");
        Assert.NotNull(cached.Headers.Age); // the page now comes from the cache

        Assert.Null(await Library.SetAltTextAsync(picture.Hash, "The red harbour crane lifting a boat", default));

        var page = await client.GetDocumentAsync("/articles/crane");
        Assert.Equal("The red harbour crane lifting a boat", page.QuerySelector(".story-body img")!.GetAttribute("alt"));
    }
}

public sealed class MediaLibraryTestsOnSqlite() : MediaLibraryTests(DatabaseProvider.Sqlite);

public sealed class MediaLibraryTestsOnPostgres() : MediaLibraryTests(DatabaseProvider.Postgres);
