using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NewsReader.Localization;

/// <summary>
/// The site's time zone and culture: every date a reader or editor sees is in them, whatever the
/// server's or the browser's own settings. Instants are stored in UTC and written in UTC into
/// <c>&lt;time datetime&gt;</c>; only what people read is converted.
/// </summary>
public sealed partial class SiteTime
{
    public SiteTime(IOptions<NewsReaderOptions> options)
        : this(options.Value.TimeZone, options.Value.Culture)
    {
    }

    public SiteTime(string timeZone, string culture)
    {
        Zone = TryFindZone(timeZone) ?? throw new ArgumentException(ZoneError, nameof(timeZone));
        Culture = TryFindCulture(culture) ?? throw new ArgumentException(CultureError, nameof(culture));
        _datePattern = DateOnlyPattern(Culture.DateTimeFormat.LongDatePattern);
        _timePattern = Culture.DateTimeFormat.ShortTimePattern;
    }

    public const string ZoneError = "NewsReader:TimeZone must be an IANA time zone such as UTC, Europe/Lisbon or America/New_York.";
    public const string CultureError = "NewsReader:Culture must be a culture name such as en-GB, en-US, pt-PT or de-DE.";

    private readonly string _datePattern;
    private readonly string _timePattern;

    public TimeZoneInfo Zone { get; }

    public CultureInfo Culture { get; }

    /// <summary>The zone's IANA id, as the schedule picker shows it.</summary>
    public string ZoneName => Zone.Id;

    /// <summary>For <c>&lt;html lang&gt;</c>.</summary>
    public string Language => Culture.Name;

    public DateTime ToSite(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// The UTC instant of a wall-clock time in the site's zone. A time skipped by a clock change
    /// (02:30 on a spring-forward night) is read as the same time before the change; a repeated one
    /// as its first occurrence.
    /// </summary>
    public DateTime ToUtc(DateTime siteTime)
    {
        var local = DateTime.SpecifyKind(siteTime, DateTimeKind.Unspecified);
        var offset = Zone.IsInvalidTime(local) ? Zone.GetUtcOffset(local.AddHours(-3))
            : Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max()
            : Zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>"20 June 2026" in en-GB, "June 20, 2026" in en-US: the culture's long date without the weekday.</summary>
    public string Date(DateTime utc) => ToSite(utc).ToString(_datePattern, Culture);

    /// <summary>"14 November 2026, 16:05".</summary>
    public string DateAndTime(DateTime utc) => $"{Date(utc)}, {ToSite(utc).ToString(_timePattern, Culture)}";

    /// <summary>The short form editors' tables use: "14 Nov 2026, 16:05".</summary>
    public string Compact(DateTime utc, bool seconds = false)
    {
        var site = ToSite(utc);
        var time = seconds ? Culture.DateTimeFormat.LongTimePattern : _timePattern;
        return $"{site.ToString("d MMM yyyy", Culture)}, {site.ToString(time, Culture)}";
    }

    /// <summary>UTC for machines: <c>&lt;time datetime&gt;</c>, feeds, JSON-LD.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static TimeZoneInfo? TryFindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    public static CultureInfo? TryFindCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        try
        {
            // Predefined only: a typo must not silently become an invented culture with English dates.
            return CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A long date pattern without its weekday ("dddd, d MMMM yyyy" → "d MMMM yyyy").</summary>
    public static string DateOnlyPattern(string longDatePattern)
    {
        var pattern = WeekdayPattern().Replace(longDatePattern, "").Trim(' ', ',');
        return pattern.Length == 0 ? "d MMMM yyyy" : pattern;
    }

    [GeneratedRegex(@"dddd[,.]?\s*|\s*,?\s*dddd")]
    private static partial Regex WeekdayPattern();
}
