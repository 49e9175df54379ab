using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Media;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Media;

/// <summary>The upload component over the real media library, signed in as an editor.</summary>
public sealed class PictureUploadTests : EditorPageContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private async Task<int> PicturesStoredAsync()
    {
        await using var db = await Site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.Media.CountAsync();
    }

    [Fact]
    public async Task AnUploadedPhotoIsShownDescribedAndHandedOnWithItsAltText()
    {
        (MediaPicture Picture, string AltText)? used = null;
        var upload = Render<PictureUpload>(p => p
            .Add(c => c.Id, "story-body-upload")
            .Add(c => c.UseLabel, "Insert in the body")
            .Add(c => c.OnUse, chosen => used = chosen));

        upload.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestImages.Jpeg(1200, 800), "quay.jpg", contentType: "image/jpeg"));
        upload.WaitForAssertion(() => Assert.Contains("quay.jpg is uploaded.", upload.Find(".upload-status").TextContent), Wait);
        var insert = upload.FindAll("button").Single(b => b.TextContent.Trim() == "Insert in the body");
        Assert.True(insert.HasAttribute("disabled"));

        upload.Find("#story-body-upload-alt").Input("The quay at low tide");
        await upload.InvokeAsync(() => upload.FindAll("button").Single(b => b.TextContent.Trim() == "Insert in the body").Click());

        var (picture, alt) = Assert.NotNull(used);
        Assert.Equal("The quay at low tide", alt);
        Assert.Equal([480, 960, 1200], picture.Widths);
        Assert.Matches("^/media/[0-9a-f]{64}-1200\\.webp$", picture.Url);
        await using var db = await Site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.Equal("The quay at low tide", (await db.Media.SingleAsync()).AltText);
    }

    [Fact]
    public async Task AFileThatIsNotAPictureIsRefusedWithItsNameAndNothingIsStored()
    {
        var upload = Render<PictureUpload>(p => p.Add(c => c.Id, "story-lead-upload"));

        upload.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("just some words", "holiday.jpg", contentType: "image/jpeg"));

        upload.WaitForAssertion(() => Assert.Contains("holiday.jpg", upload.Find(".upload-error").TextContent), Wait);
        Assert.Empty(upload.FindAll(".upload-describe"));
        Assert.Equal(0, await PicturesStoredAsync());
    }
}
