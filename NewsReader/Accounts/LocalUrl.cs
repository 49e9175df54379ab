namespace NewsReader.Accounts;

/// <summary>Where a sign-in may send the browser next: only somewhere on this site.</summary>
public static class LocalUrl
{
    /// <summary>
    /// True for a path on this site ("/admin", "/articles/x?y=1"). Refuses absolute URLs,
    /// protocol-relative ones ("//evil.example") and the backslash forms browsers read the same
    /// way ("/\evil.example"), and control characters.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string OrDefault(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
