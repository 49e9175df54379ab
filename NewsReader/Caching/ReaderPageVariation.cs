using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using NewsReader.Components.Shared;
using NewsReader.Reactions;
using NewsReader.Search;
using NewsReader.Web;

namespace NewsReader.Caching;

/// <summary>
/// What tells one cached copy of a reader page from another: only what the page shows differently.
/// Every key is kept in memory beside its copy, so a value a client can vary freely (an unread query
/// parameter, a forged cookie, padding) must not reach the key, or a flood of distinct requests fills
/// the server's memory with copies of one page.
/// </summary>
public static class ReaderPageVariation
{
    /// <summary>The longest host name DNS allows; a longer Host header is answered but not kept.</summary>
    public const int MaxHostLength = 253;

    /// <summary>
    /// Sets the cache's vary rules for <paramref name="page"/>; false when the request is to be answered
    /// fresh and not kept (an over-long host, a parameter given twice).
    /// </summary>
    public static bool TryApply(OutputCacheContext context, ReaderPageAttribute page)
    {
        var http = context.HttpContext;
        if (http.Request.Host.Value is { Length: > MaxHostLength })
        {
            return false;
        }
        foreach (var name in page.Query)
        {
            var values = http.Request.Query[name];
            if (values.Count > 1)
            {
                return false;
            }
            context.CacheVaryByRules.VaryByValues["query:" + name] = Normalize(name, values.ToString());
        }
        if (page.VariesByReader)
        {
            var readerId = http.RequestServices.GetRequiredService<ReaderIdCookie>().Read(http);
            context.CacheVaryByRules.VaryByValues["reader"] = ReaderKey(readerId);
        }
        return true;
    }

    /// <summary>A query value as the page reads it, so values that show the same page share one copy.</summary>
    public static string Normalize(string name, string? value) => name switch
    {
        "page" => PageNumber.Parse(value).ToString(CultureInfo.InvariantCulture),
        "q" => SearchQuery.Parse(value).Text,
        _ => throw new ArgumentException($"Reader pages vary by 'page' and 'q' only; '{name}' has no rule.", nameof(name)),
    };

    /// <summary>
    /// A validated reader id's hash: a forged or expired cookie is the cookie-less copy, and the ids
    /// themselves never sit in the cache's keys.
    /// </summary>
    public static string ReaderKey(string? readerId) => readerId is null
        ? ""
        : Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(readerId)), 0, 16);
}
