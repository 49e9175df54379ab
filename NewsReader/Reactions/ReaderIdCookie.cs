using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace NewsReader.Reactions;

/// <summary>
/// Who a reader is, for reactions: a random 128-bit id kept in a cookie that Data Protection
/// encrypts and signs, so it can be neither read nor forged. It is set when a reader first reacts,
/// never on a page view, and no IP address is ever stored in its place.
/// </summary>
public sealed class ReaderIdCookie(IDataProtectionProvider dataProtection)
{
    public const string CookieName = "nr-reader";
    public const string Purpose = "NewsReader.ReaderId";

    /// <summary>About two years: a reader's choices should outlive a browser's usual session.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(730);

    private const string ItemKey = "NewsReader.ReaderId";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    /// <summary>A new id: 16 random bytes as 32 lower-case hex digits.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsWellFormed(string? id) =>
        id is { Length: 32 } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public string Protect(string readerId) => _protector.Protect(readerId);

    /// <summary>The id in a protected cookie value, or null when it is missing, tampered with or from other keys.</summary>
    public string? Unprotect(string? cookieValue)
    {
        if (string.IsNullOrEmpty(cookieValue))
        {
            return null;
        }
        try
        {
            var id = _protector.Unprotect(cookieValue);
            return IsWellFormed(id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The reader id of this request's cookie, if it has a valid one (read once per request).</summary>
    public string? Read(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached))
        {
            return cached as string;
        }
        var id = Unprotect(context.Request.Cookies[CookieName]);
        context.Items[ItemKey] = id;
        return id;
    }

    /// <summary>The request's reader id, or a new one whose cookie is set on the response.</summary>
    public string GetOrIssue(HttpContext context)
    {
        if (Read(context) is { } existing)
        {
            return existing;
        }
        var id = NewId();
        context.Response.Cookies.Append(CookieName, Protect(id), CookieOptions(context.Request.IsHttps));
        context.Items[ItemKey] = id;
        return id;
    }

    public static CookieOptions CookieOptions(bool https) => new()
    {
        HttpOnly = true,
        // Lax: sent on a reader's own top-level visits, not on another site's posts or embeds.
        SameSite = SameSiteMode.Lax,
        Secure = https,
        IsEssential = true,
        Path = "/",
        MaxAge = Lifetime,
    };
}
