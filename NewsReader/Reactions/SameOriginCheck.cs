namespace NewsReader.Reactions;

/// <summary>
/// Decides whether a form post comes from the site's own pages. Browsers say where a request comes
/// from in <c>Sec-Fetch-Site</c> and <c>Origin</c>, which a page on another site cannot forge; a post
/// must carry proof of our own origin, and any header that names another origin refuses it.
/// </summary>
/// <remarks>
/// Every current browser sends <c>Origin</c> on a POST. A request with neither header is accepted
/// only with a same-origin <c>Referer</c> (our pages send it: Referrer-Policy is
/// strict-origin-when-cross-origin), so an old browser tricked by a page that also suppresses its
/// Referer is refused rather than trusted. Scripts and tools that post must send an <c>Origin</c>.
/// Behind a TLS-terminating proxy, set <c>NewsReader:PublicUrl</c>: the request's scheme and host are
/// then the public ones (Web/PublicAddress.cs), so the public origin is the one accepted.
/// </remarks>
public static class SameOriginCheck
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && !string.Equals(fetchSite, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return Matches(request, origin);
        }
        if (fetchSite.Length > 0)
        {
            return true;
        }

        var referer = request.Headers.Referer.ToString();
        return referer.Length > 0 && Matches(request, referer);
    }

    private static bool Matches(HttpRequest request, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !request.Host.HasValue)
        {
            return false; // includes Origin: null, sent by sandboxed frames and some redirects
        }
        var scheme = request.Scheme;
        var port = request.Host.Port ?? (string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80);
        return string.Equals(uri.Scheme, scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host.Trim('[', ']'), request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            && uri.Port == port;
    }
}
