using Microsoft.Extensions.DependencyInjection;
using Bunit;
using NewsReader.Components.Shared;
using NewsReader.Stories;
using NewsReader.Related;

namespace NewsReader.Tests.Related;

public sealed class RelatedStoriesComponentTests : BunitContext
{
    private static readonly DateTime Day = new(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc);

    public RelatedStoriesComponentTests() =>
        Services.AddSingleton(new NewsReader.Localization.SiteTime("UTC", "en-GB"));

    [Fact]
    public void RelatedStoriesAreHeadlineLinksUnderTheirHeading()
    {
        var list = Render<RelatedStories>(p => p.Add(r => r.Stories,
            [new StoryLink(2, "Depot opens", "depot-opens", Day), new StoryLink(3, "New tunnel", "new-tunnel", Day)]));

        Assert.Equal("Related stories", list.Find("h2").TextContent);
        Assert.Equal(["/articles/depot-opens", "/articles/new-tunnel"], list.FindAll("li a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Depot opens", "New tunnel"], list.FindAll("li a").Select(a => a.TextContent));
    }

    [Fact]
    public void WithoutRelatedStoriesTheSectionIsLeftOut()
    {
        var list = Render<RelatedStories>(p => p.Add(r => r.Stories, []));

        Assert.Equal("", list.Markup.Trim());
    }

    [Fact]
    public void NeighbourLinksAreLabelledAndCarryTheHeadlines()
    {
        var links = Render<StoryNeighbours>(p => p.Add(n => n.Neighbours,
            new StoryNeighbourLinks(new StoryLink(1, "Older one", "older-one", Day), new StoryLink(3, "Newer one", "newer-one", Day))));

        var previous = links.Find("a[rel=prev]");
        var next = links.Find("a[rel=next]");
        Assert.Equal("Previous story Older one", Normalize(previous.TextContent));
        Assert.Equal("/articles/older-one", previous.GetAttribute("href"));
        Assert.Equal("Next story Newer one", Normalize(next.TextContent));
        Assert.Equal("/articles/newer-one", next.GetAttribute("href"));
    }

    [Fact]
    public void TheNewestStoryHasOnlyAPreviousLink()
    {
        var links = Render<StoryNeighbours>(p => p.Add(n => n.Neighbours,
            new StoryNeighbourLinks(new StoryLink(1, "Older one", "older-one", Day), null)));

        Assert.Single(links.FindAll("a"));
        Assert.Empty(links.FindAll("a[rel=next]"));
    }

    private static string Normalize(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
