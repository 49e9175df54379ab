using NewsReader.Feeds;

namespace NewsReader.Tests.Feeds;

public sealed class SitemapLayoutTests
{
    [Fact]
    public void ASiteThatFitsInOneFileHasNoIndex()
    {
        var layout = new SitemapLayout(ListPages: 8, Stories: 49_992, UrlsPerFile: 50_000);

        Assert.False(layout.IsIndex);
        Assert.Equal(1, layout.PartCount);
    }

    [Fact]
    public void ALargerSiteIsCutIntoPartsOfAtMostTheLimit()
    {
        var layout = new SitemapLayout(ListPages: 8, Stories: 100_000, UrlsPerFile: 50_000);

        Assert.True(layout.IsIndex);
        Assert.Equal(3, layout.PartCount);
        Assert.Equal((0, 8, 0, 49_992), layout.Part(1));
        Assert.Equal((8, 0, 49_992, 50_000), layout.Part(2));
        Assert.Equal((8, 0, 99_992, 8), layout.Part(3));
    }

    [Theory]
    [InlineData(1, 0, 3)]
    [InlineData(4, 7, 3)]
    [InlineData(5, 20, 4)]
    [InlineData(2, 9, 5)]
    public void PartsCoverEveryUrlExactlyOnce(int listPages, int stories, int perFile)
    {
        var layout = new SitemapLayout(listPages, stories, perFile);

        var lists = new List<int>();
        var storyIndexes = new List<int>();
        for (var part = 1; part <= layout.PartCount; part++)
        {
            var (listSkip, listTake, storySkip, storyTake) = layout.Part(part);
            Assert.InRange(listTake + storyTake, 1, perFile);
            lists.AddRange(Enumerable.Range(listSkip, listTake));
            storyIndexes.AddRange(Enumerable.Range(storySkip, storyTake));
        }

        Assert.Equal(Enumerable.Range(0, listPages), lists);
        Assert.Equal(Enumerable.Range(0, stories), storyIndexes);
    }
}
