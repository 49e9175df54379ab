using System.Net;
using NewsReader.Limits;
using NewsReader.Web;

namespace NewsReader.Tests.Limits;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void AnIPv4AddressIsItsOwnKeyAndAnIPv6AddressCountsByItsSlash64(string address, string key)
    {
        Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));
    }

    [Fact]
    public void NoAddressAtAllIsOneSharedKey()
    {
        Assert.Equal("unknown", ClientAddress.Key((IPAddress?)null));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("https://news.example.org", true)]
    [InlineData("http://news.example.org:8080/", true)]
    [InlineData("news.example.org", false)]
    [InlineData("/news", false)]
    [InlineData("ftp://news.example.org", false)]
    [InlineData("https://news.example.org/news", false)]
    [InlineData("https://news.example.org/#top", false)]
    [InlineData("https://user:secret@news.example.org", false)]
    public void APublicUrlMustBeAnHttpOrHttpsSiteRoot(string? publicUrl, bool usable)
    {
        Assert.Equal(usable, PublicAddress.TryParse(publicUrl, out _));
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("::1", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("proxy.example.org", false)]
    [InlineData("10.0.0.0/99", false)]
    public void AKnownProxyIsAnAddressOrANetwork(string entry, bool usable)
    {
        Assert.Equal(usable, PublicAddress.IsProxy(entry));
    }
}
