using Microsoft.Extensions.DependencyInjection;
using NewsReader.Media;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Media;

/// <summary>export writes the pictures beside the story files; import on a fresh database brings every one back.</summary>
public sealed class MediaExportImportTests : IAsyncLifetime
{
    private readonly EditingSite _site = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-media-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ExportThenImportOnAFreshDatabaseKeepsEveryPictureItsAltTextAndTheStoriesMarkup()
    {
        MediaPicture picture;
        await using (var scope = await _site.SignedInScopeAsync())
        {
            var library = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
            var stored = Assert.IsType<UploadOutcome.Stored>(await library.UploadAsync(new MemoryStream(TestImages.Jpeg(1700, 1000)), "quay.jpg", default));
            picture = (await library.WhenReadyAsync(stored.Picture.Hash, (_, _) => { }, default))!;
            Assert.Null(await library.SetAltTextAsync(picture.Hash, "The quay under snow", default));
        }
        await _site.AddStoryAsync("Snow on the quay", $"Cold.\n\n![]({picture.Url})", slug: "snow-on-the-quay");
        var exported = Path.Combine(_folder, "exported");
        var fresh = Path.Combine(_folder, "fresh.db");

        var export = await AppProcess.RunAsync(_site.DatabasePath, "export", exported);
        var import = await AppProcess.RunAsync(fresh, "import", exported);

        Assert.Equal(0, export.ExitCode);
        Assert.True(File.Exists(Path.Combine(exported, "media", picture.Hash + ".jpg")));
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("1 pictures imported", import.Output);
        Assert.Equal(1, await TestDatabase.ScalarAsync(fresh, $"SELECT COUNT(*) FROM Media WHERE Hash = '{picture.Hash}' AND AltText = 'The quay under snow' AND Ready = 1"));
        Assert.Equal(7, await TestDatabase.ScalarAsync(fresh, "SELECT COUNT(*) FROM MediaFiles")); // the original and 3 widths × 2 formats
        Assert.Equal(1, await TestDatabase.ScalarAsync(fresh,
            $"SELECT COUNT(*) FROM Articles WHERE Slug = 'snow-on-the-quay' AND BodyHtml LIKE '%srcset=\"/media/{picture.Hash}-480.jpg 480w%' AND BodyHtml LIKE '%alt=\"The quay under snow\"%'"));
    }
}
