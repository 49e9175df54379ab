namespace NewsReader.Feeds;

/// <summary>
/// The site's absolute base address as the reader reached it (scheme, host, path base), for the
/// absolute URLs feeds, sitemaps and robots.txt must carry. With <c>NewsReader:PublicUrl</c> set,
/// Web/PublicAddress.cs has already made the request's scheme and host the configured public ones.
/// </summary>
public static class SiteAddress
{
    public static Uri BaseUri(HttpRequest request)
    {
        var host = request.Host.HasValue ? request.Host.Value : "localhost";
        return Uri.TryCreate($"{request.Scheme}://{host}{request.PathBase}/", UriKind.Absolute, out var uri)
            ? uri
            : new Uri($"{request.Scheme}://localhost{request.PathBase}/");
    }

    /// <summary>An absolute URL for a site path ("/articles/x") or an already absolute URL.</summary>
    public static Uri Absolute(Uri baseUri, string pathOrUrl) =>
        Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(baseUri, pathOrUrl.TrimStart('/'));
}
