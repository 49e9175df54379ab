using NewsReader.Feeds;

namespace NewsReader.Tests.Feeds;

public sealed class FeedXmlTextTests
{
    [Fact]
    public void CharactersXmlCannotHoldAreDropped()
    {
        Assert.Equal("Tab\tand new\nline, bell gone", XmlText.Clean("Tab\tand new\nline, bell\u0007 gone\u000B"));
    }

    [Fact]
    public void EmojiAndOtherTextStayAsTheyAre()
    {
        const string text = "Trams 🚋 in 東京 — café";

        Assert.Same(text, XmlText.Clean(text));
    }

    [Fact]
    public void AnUnpairedSurrogateIsDropped()
    {
        Assert.Equal("ab", XmlText.Clean("a\uD83Db"));
    }
}
