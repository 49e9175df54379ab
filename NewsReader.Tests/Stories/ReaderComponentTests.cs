using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NewsReader.Data;
using NewsReader.Media;
using NewsReader.Stories;
using NewsReader.Components.Shared;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

public sealed class ReaderComponentTests : BunitContext
{
    public ReaderComponentTests()
    {
        Services.AddMudServices();
        // Lead images ask the media library about library URLs only; these tests use none.
        Services.AddDbContextFactory<NewsDbContext>(options => options.UseSqlite("Data Source=:memory:"));
        Services.AddSingleton<MediaPictures>();
        Services.AddSingleton(new NewsReader.Localization.SiteTime("UTC", "en-GB"));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static StoryListItem Story(
        IReadOnlyList<TermLink>? categories = null, string? leadImage = null, string summary = "A short summary.") =>
        new(7, "Tram line 4 opens", "tram-line-4-opens", summary, "Ana Ferreira",
            new DateTime(2026, 6, 20, 9, 30, 0, DateTimeKind.Utc), leadImage, new ReadTime(261),
            categories ?? [new TermLink("City", "city"), new TermLink("Transport", "transport")]);

    [Fact]
    public void CategoryLineLinksEachCategoryInOrder()
    {
        var line = Render<CategoryLine>(p => p.Add(c => c.Categories,
            [new TermLink("World", "world"), new TermLink("Asia", "asia"), new TermLink("Politics", "politics")]));

        Assert.Equal("In World, Asia, Politics", line.Find("p.category-line").TextContent.Trim());
        Assert.Equal(["/categories/world", "/categories/asia", "/categories/politics"],
            line.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void CategoryLineIsLeftOutWhenAStoryHasNoCategories()
    {
        var line = Render<CategoryLine>(p => p.Add(c => c.Categories, []));

        Assert.Equal("", line.Markup.Trim());
    }

    [Fact]
    public void ReadTimeLabelShowsTheFullDurationWithAnIsoDatetime()
    {
        var label = Render<ReadTimeLabel>(p => p.Add(r => r.Value, new ReadTime(261)));

        var time = label.Find("time.read-time");
        Assert.Equal("PT4M21S", time.GetAttribute("datetime"));
        Assert.Equal("Read time: 4 minutes, 21 seconds", time.TextContent);
    }

    [Fact]
    public void CompactReadTimeLabelShowsMinutesForLists()
    {
        var label = Render<ReadTimeLabel>(p => p.Add(r => r.Value, new ReadTime(261)).Add(r => r.Compact, true));

        Assert.Equal("4 min read", label.Find(".read-time-short").TextContent);
        Assert.Empty(label.FindAll("time.read-time"));
    }

    [Fact]
    public void StoryCardShowsLinkedHeadlineSummaryCategoriesDateAuthorAndReadTime()
    {
        var card = Render<StoryCard>(p => p.Add(c => c.Story, Story()));

        var headline = card.Find("h2 a");
        Assert.Equal("Tram line 4 opens", headline.TextContent);
        Assert.Equal("/articles/tram-line-4-opens", headline.GetAttribute("href"));
        Assert.Equal("A short summary.", card.Find(".card-summary").TextContent);
        Assert.Equal("In City, Transport", card.Find(".category-line").TextContent.Trim());
        Assert.Equal("20 June 2026", card.Find("time.published").TextContent);
        Assert.Equal("2026-06-20T09:30:00Z", card.Find("time.published").GetAttribute("datetime"));
        Assert.Equal("Ana Ferreira", card.Find(".author").TextContent);
        Assert.Equal("4 min read", card.Find(".read-time-short").TextContent);
        Assert.Empty(card.FindAll("img"));
    }

    [Fact]
    public void StoryCardShowsTheLeadImageWhenThereIsOne()
    {
        var card = Render<StoryCard>(p => p.Add(c => c.Story, Story(leadImage: "/images/tram.svg")));

        Assert.Equal("/images/tram.svg", card.Find("img.card-image").GetAttribute("src"));
    }

    [Fact]
    public void StoryCardRendersMarkupInTextFieldsAsText()
    {
        var story = Story(summary: "<script>alert(1)</script>") with { Title = "<b>Bold</b>" };

        var card = Render<StoryCard>(p => p.Add(c => c.Story, story));

        Assert.Equal("<b>Bold</b>", card.Find("h2 a").TextContent);
        Assert.Empty(card.FindAll("h2 b, script"));
    }
}
