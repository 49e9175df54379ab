using NewsReader.Localization;

namespace NewsReader.Tests.Localization;

public sealed class SiteTimeTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void TheDefaultIsUtcAndBritishEnglish()
    {
        var time = new SiteTime("UTC", "en-GB");

        Assert.Equal("20 June 2026", time.Date(Utc(2026, 6, 20, 9, 30)));
        Assert.Equal("14 November 2026, 16:05", time.DateAndTime(Utc(2026, 11, 14, 16, 5)));
        Assert.Equal("en-GB", time.Language);
    }

    [Fact]
    public void AStoryPublishedAt2330UtcOnAUtcPlus2SiteShowsTheNextDay()
    {
        var time = new SiteTime("Africa/Cairo", "en-GB");

        Assert.Equal("21 November 2026", time.Date(Utc(2026, 11, 20, 23, 30)));
        Assert.Equal("21 November 2026, 01:30", time.DateAndTime(Utc(2026, 11, 20, 23, 30)));
        Assert.Equal("2026-11-20T23:30:00Z", SiteTime.Iso(Utc(2026, 11, 20, 23, 30)));
    }

    [Theory]
    [InlineData("en-US", "June 20, 2026")]
    [InlineData("pt-PT", "20 de junho de 2026")]
    [InlineData("de-DE", "20. Juni 2026")]
    [InlineData("fr-FR", "20 juin 2026")]
    public void DatesFollowTheCultureWithoutTheWeekday(string culture, string expected)
    {
        Assert.Equal(expected, new SiteTime("UTC", culture).Date(Utc(2026, 6, 20, 9, 30)));
    }

    [Fact]
    public void ASiteTimeBecomesTheRightInstantAcrossSummerTime()
    {
        var lisbon = new SiteTime("Europe/Lisbon", "pt-PT");

        Assert.Equal(Utc(2026, 7, 1, 8, 0), lisbon.ToUtc(new DateTime(2026, 7, 1, 9, 0, 0)));
        Assert.Equal(Utc(2026, 12, 1, 9, 0), lisbon.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0)));
        // 01:30 on 29 March 2026 does not exist in Lisbon (01:00 → 02:00): read with the offset before the change.
        Assert.Equal(Utc(2026, 3, 29, 1, 30), lisbon.ToUtc(new DateTime(2026, 3, 29, 1, 30, 0)));
        // 01:30 on 25 October 2026 happens twice: the first one, in summer time.
        Assert.Equal(Utc(2026, 10, 25, 0, 30), lisbon.ToUtc(new DateTime(2026, 10, 25, 1, 30, 0)));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("UTC+2")]
    public void AnUnknownZoneIsRefusedWithTheSettingsName(string zone)
    {
        var error = Assert.Throws<ArgumentException>(() => new SiteTime(zone, "en-GB"));
        Assert.StartsWith("NewsReader:TimeZone must be an IANA time zone", error.Message);
    }

    [Theory]
    [InlineData("xx-YY")]
    [InlineData("english")]
    public void AnUnknownCultureIsRefusedWithTheSettingsName(string culture)
    {
        var error = Assert.Throws<ArgumentException>(() => new SiteTime("UTC", culture));
        Assert.StartsWith("NewsReader:Culture must be a culture name", error.Message);
    }

    [Theory]
    [InlineData("dddd, d MMMM yyyy", "d MMMM yyyy")]
    [InlineData("dddd, MMMM d, yyyy", "MMMM d, yyyy")]
    [InlineData("dddd, d. MMMM yyyy", "d. MMMM yyyy")]
    [InlineData("dddd d MMMM yyyy", "d MMMM yyyy")]
    [InlineData("d MMMM yyyy", "d MMMM yyyy")]
    [InlineData("yyyy年M月d日dddd", "yyyy年M月d日")]
    public void TheWeekdayIsTakenOutOfALongDatePattern(string pattern, string expected)
    {
        Assert.Equal(expected, SiteTime.DateOnlyPattern(pattern));
    }
}
