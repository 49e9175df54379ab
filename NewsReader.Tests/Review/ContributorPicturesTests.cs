using Microsoft.Extensions.DependencyInjection;
using NewsReader.Data;
using NewsReader.Accounts;
using NewsReader.Editing;
using NewsReader.Media;
using NewsReader.Tests.Media;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Review;

/// <summary>Pictures for a contributor: they upload and describe their own, but not one other people's stories show.</summary>
public abstract class ContributorPicturesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EditingSite _site = new() { Provider = provider };
    private AsyncServiceScope _editor;
    private AsyncServiceScope _contributor;

    public async Task InitializeAsync()
    {
        _editor = await _site.SignedInScopeAsync("editor@example.org", Roles.Editor, "Edna Editor");
        _contributor = await _site.SignedInScopeAsync("cora@example.org", Roles.Contributor, "Cora Contributor");
    }

    public async Task DisposeAsync()
    {
        await _editor.DisposeAsync();
        await _contributor.DisposeAsync();
        await _site.DisposeAsync();
    }

    private static MediaLibrary Library(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<MediaLibrary>();

    [ProviderFact]
    public async Task AContributorUploadsAndDescribesAPictureButNotOneInSomeoneElsesStory()
    {
        var stored = Assert.IsType<UploadOutcome.Stored>(
            await Library(_contributor).UploadAsync(new MemoryStream(TestImages.Jpeg(800, 600)), "quay.jpg", default));
        var picture = Assert.IsType<MediaPicture>(await Library(_contributor).WhenReadyAsync(stored.Picture.Hash, (_, _) => { }, default));

        Assert.Null(await Library(_contributor).SetAltTextAsync(picture.Hash, "The quay at low tide", default));

        var saver = _editor.ServiceProvider.GetRequiredService<StorySaver>();
        Assert.IsType<SaveResult.Saved>(await saver.CreateAsync(
            new StoryDraft("Quay works", Body: "Body.", LeadImage: picture.Url), default));

        var refused = await Library(_contributor).SetAltTextAsync(picture.Hash, "Something else", default);
        var unchanged = await Library(_contributor).SetAltTextAsync(picture.Hash, "The quay at low tide", default);

        Assert.Equal("This picture is used in stories that are not yours, so only an editor can change its description.", refused);
        Assert.Null(unchanged);
        Assert.Equal("The quay at low tide", (await Library(_editor).FindAsync(picture.Hash, default))!.AltText);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Library(_contributor).ListAsync(null, 10, default));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Library(_contributor).DeleteAsync(picture.Hash, default));
    }
}

public sealed class ContributorPicturesTestsOnSqlite() : ContributorPicturesTests(DatabaseProvider.Sqlite);

public sealed class ContributorPicturesTestsOnPostgres() : ContributorPicturesTests(DatabaseProvider.Postgres);
