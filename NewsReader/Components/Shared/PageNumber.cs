using System.Globalization;

namespace NewsReader.Components.Shared;

public static class PageNumber
{
    /// <summary>
    /// Reads ?page=N. Missing, malformed or below 1 means the first page (a reader who mistypes it
    /// still gets a list); a number too large to be a page comes back as it is and ends in a 404.
    /// </summary>
    public static int Parse(string? text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            return Math.Max(page, 1);
        }
        // Only digits, yet not an int: a number past any page there could be.
        return text is { Length: > 0 } && text.All(char.IsAsciiDigit) ? int.MaxValue : 1;
    }
}
