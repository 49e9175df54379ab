using NewsReader.Tests.Support;
using NewsReader.Data;

namespace NewsReader.Tests.Localization;

/// <summary>Reader pages show dates in the site's time zone and culture; machines still get UTC.</summary>
public abstract class SiteTimePagesTests(DatabaseProvider provider)
{
    [ProviderFact]
    public async Task AStoryPublishedLateInUtcShowsTheSitesNextDayInItsLanguage()
    {
        await using var site = new NewsSiteFactory { Provider = provider };
        site.Settings["NewsReader:TimeZone"] = "Africa/Cairo";
        site.Settings["NewsReader:Culture"] = "pt-PT";
        await site.AddStoryAsync("Eléctrico 28 volta à Graça", publishedAt: new DateTime(2026, 11, 20, 23, 30, 0, DateTimeKind.Utc), slug: "electrico-28");
        var client = site.CreateClient();

        var home = await client.GetDocumentAsync("/");
        var story = await client.GetDocumentAsync("/articles/electrico-28");

        Assert.Equal("pt-PT", home.DocumentElement.GetAttribute("lang"));
        var cardDate = home.QuerySelector(".article-card time.published");
        Assert.Equal("21 de novembro de 2026", cardDate.Text());
        Assert.Equal("2026-11-20T23:30:00Z", cardDate!.GetAttribute("datetime"));
        Assert.Equal("21 de novembro de 2026", story.QuerySelector(".story-header time.published").Text());
        Assert.Equal("pt-PT", story.DocumentElement.GetAttribute("lang"));
    }

    [ProviderFact]
    public async Task TheDefaultSiteIsUtcInBritishEnglish()
    {
        await using var site = new NewsSiteFactory { Provider = provider };
        await site.AddStoryAsync("Late story", publishedAt: new DateTime(2026, 11, 20, 23, 30, 0, DateTimeKind.Utc), slug: "late-story");

        var home = await site.CreateClient().GetDocumentAsync("/");

        Assert.Equal("en-GB", home.DocumentElement.GetAttribute("lang"));
        Assert.Equal("20 November 2026", home.QuerySelector(".article-card time.published").Text());
    }

    [ProviderTheory]
    [InlineData("NewsReader:TimeZone", "Europe/Atlantis", "NewsReader:TimeZone must be an IANA time zone")]
    [InlineData("NewsReader:Culture", "elvish", "NewsReader:Culture must be a culture name")]
    public async Task AnUnknownZoneOrCultureStopsTheSiteWithAClearMessage(string key, string value, string message)
    {
        await using var site = new NewsSiteFactory { Provider = provider };
        site.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains(message, error.ToString());
    }
}

public sealed class SiteTimePagesTestsOnSqlite() : SiteTimePagesTests(DatabaseProvider.Sqlite);

public sealed class SiteTimePagesTestsOnPostgres() : SiteTimePagesTests(DatabaseProvider.Postgres);
