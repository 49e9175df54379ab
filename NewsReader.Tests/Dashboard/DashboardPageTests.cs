using Bunit;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Dashboard;

/// <summary>The dashboard page (bUnit, MudBlazor) over the real figures.</summary>
public sealed class DashboardPageTests : EditorPageContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TheDashboardShowsBothChartsTheMostReactedAndWhatIsScheduled()
    {
        var now = DateTime.UtcNow;
        await Site.AddStoryAsync("Harbour bridge reopens", publishedAt: now.AddDays(-2), slug: "bridge");
        await Site.AddStoryAsync("Budget vote tomorrow", publishedAt: now.AddDays(1), slug: "budget");

        var page = Render<NewsReader.Dashboard.Dashboard>();

        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".dashboard").GetAttribute("data-admin-ready")), Wait);
        Assert.Equal(["Stories published per week", "Reactions per day", "Most reacted to, last 7 days", "Waiting for review", "Scheduled"],
            page.FindAll("h2").Select(h => h.TextContent.Trim()));
        Assert.NotEmpty(page.FindAll("[aria-labelledby=published-heading] svg"));
        Assert.NotEmpty(page.FindAll("[aria-labelledby=reactions-heading] svg"));
        Assert.StartsWith("1 story in the last 90 days", page.FindAll(".chart-summary")[0].TextContent);
        Assert.Equal("No reactions in the last 90 days.", page.FindAll(".chart-summary")[1].TextContent);
        Assert.Equal("No reactions in the last 7 days.", page.Find(".most-reacted p").TextContent.Trim());
        Assert.Contains("Budget vote tomorrow", page.Find(".scheduled .scheduled-list").TextContent);
        Assert.Equal("No story is waiting for review.", page.Find(".review-queue p").TextContent.Trim());
    }
}
