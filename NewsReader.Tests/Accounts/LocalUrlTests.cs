using NewsReader.Accounts;

namespace NewsReader.Tests.Accounts;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/admin")]
    [InlineData("/admin/articles/12?tab=revisions")]
    [InlineData("/articles/tram-line-4-opens#reactions")]
    public void PathsOnThisSiteAreLocal(string url) => Assert.True(LocalUrl.IsLocal(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("admin")]
    [InlineData("/admin\r\nSet-Cookie: x=1")]
    public void AnythingElseIsNot(string? url) => Assert.False(LocalUrl.IsLocal(url));

    [Fact]
    public void ANonLocalUrlFallsBackToTheDefault() =>
        Assert.Equal("/admin", LocalUrl.OrDefault("https://evil.example", "/admin"));
}
