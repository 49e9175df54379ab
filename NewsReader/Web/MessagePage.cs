using System.Net;

namespace NewsReader.Web;

/// <summary>
/// A small page of its own for answers that are not Blazor pages (a refused reaction, a rate limit,
/// a body too large): readable without JavaScript, with one link onwards.
/// </summary>
public static class MessagePage
{
    public static string Html(string title, string text, string backHref, string backText) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>{WebUtility.HtmlEncode(title)}</title><link rel="stylesheet" href="/reader.css" /></head>
        <body><main id="main" class="message-page"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p><p><a href="{WebUtility.HtmlEncode(backHref)}">{WebUtility.HtmlEncode(backText)}</a></p></main></body>
        </html>
        """;

    public static Task WriteAsync(HttpResponse response, string title, string text, string backHref, string backText,
        CancellationToken cancellationToken = default)
    {
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        return response.WriteAsync(Html(title, text, backHref, backText), cancellationToken);
    }
}
