using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace NewsReader.Web;

/// <summary>
/// The site as the public reaches it, behind a TLS-terminating proxy or not. Forwarded headers are
/// believed only from known proxies (loopback unless <c>NewsReader:KnownProxies</c> says otherwise),
/// so nobody else can choose the address a rate limit counts. With <c>NewsReader:PublicUrl</c> set,
/// every request takes its scheme and host from it: canonical links, feeds, the sitemap, the
/// reaction origin check and the Secure flag of cookies then follow the configured address, never
/// a Host header a client made up; with an https address, HSTS is sent too.
/// </summary>
public static class PublicAddress
{
    public const string PublicUrlKey = NewsReaderOptions.Section + ":" + nameof(NewsReaderOptions.PublicUrl);

    public static IServiceCollection AddPublicAddress(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NewsReaderOptions>>((forwarded, options) =>
        {
            // X-Forwarded-Host is left out: with a public URL it is not needed, and without one the proxy passes Host on.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = options.Value.KnownProxies;
            if (proxies.Count == 0)
            {
                return; // ASP.NET Core's default: 127.0.0.0/8 and ::1
            }
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (proxy.Contains('/', StringComparison.Ordinal))
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
                else
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });
        // Antiforgery's cookie is never Secure by default; like the sign-in and reader cookies, it is
        // Secure whenever the request is https, which with an https public URL is every request.
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options =>
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and the public scheme and host.</summary>
    public static WebApplication UsePublicAddress(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!TryParse(app.Services.GetRequiredService<IOptions<NewsReaderOptions>>().Value.PublicUrl, out var publicUrl) || publicUrl is null)
        {
            return app;
        }
        var scheme = publicUrl.Scheme;
        var host = HostString.FromUriComponent(publicUrl);
        app.Use((context, next) =>
        {
            context.Request.Scheme = scheme;
            context.Request.Host = host;
            return next(context);
        });
        if (scheme == Uri.UriSchemeHttps)
        {
            // ASP.NET Core's default: max-age 30 days, no includeSubDomains (other hosts of the domain may not have TLS).
            app.UseHsts();
        }
        return app;
    }

    /// <summary>True when <paramref name="text"/> is unset, or the absolute http(s) address of a site root (no path, query or fragment).</summary>
    public static bool TryParse(string? text, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("http" or "https")
            || parsed.AbsolutePath != "/" || parsed.Query.Length > 0 || parsed.Fragment.Length > 0 || parsed.UserInfo.Length > 0)
        {
            return false;
        }
        uri = parsed;
        return true;
    }

    public const string PublicUrlError =
        PublicUrlKey + " must be the absolute http or https address of the site's root, such as https://news.example.org (no path, query or user).";

    public static bool IsProxy(string entry) =>
        entry.Contains('/', StringComparison.Ordinal) ? System.Net.IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _);
}
