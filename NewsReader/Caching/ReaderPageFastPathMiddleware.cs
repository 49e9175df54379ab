using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using NewsReader.Reactions;
using NewsReader.Web;

namespace NewsReader.Caching;

/// <summary>
/// Answers an anonymous GET or HEAD of a reader page from <see cref="ReaderPageFastPath"/> before
/// routing, authentication and the output cache run, with what the output cache would have sent:
/// the same status, headers, body, Age, and 304 to a conditional request. Anything it cannot answer
/// goes down the pipeline as before; when the output cache stores that response, a copy is kept.
/// </summary>
/// <remarks>
/// It never answers (nor keeps) a request with an Authorization header or the sign-in cookie: editors
/// see the database as it is now. A page that shows the reader's own reaction is answered only to
/// requests without a reader cookie; readers who have reacted get their own copy from the output cache.
/// </remarks>
public sealed class ReaderPageFastPathMiddleware(
    RequestDelegate next,
    ReaderPageFastPath pages,
    CacheFreshness freshness,
    IOptionsMonitor<NewsReaderOptions> options,
    IOptionsMonitor<CookieAuthenticationOptions> cookieOptions,
    TimeProvider clock)
{
    /// <summary>The only query parameters reader pages read (<see cref="ReaderPageVariation.Normalize"/>).</summary>
    private static readonly string[] PageQuery = ["page", "q"];

    // The headers a 304 from the output cache carries from the stored page (RFC 9110, 15.4.5).
    private static readonly string[] NotModifiedHeaders =
        [HeaderNames.CacheControl, HeaderNames.ContentLocation, HeaderNames.Date, HeaderNames.ETag, HeaderNames.Expires, HeaderNames.Vary];

    private readonly string _signInCookie = cookieOptions.Get(IdentityConstants.ApplicationScheme).Cookie.Name
        ?? CookieAuthenticationDefaults.CookiePrefix + IdentityConstants.ApplicationScheme;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var head = HttpMethods.IsHead(request.Method);
        if (!(head || HttpMethods.IsGet(request.Method))
            || !string.IsNullOrEmpty(request.Headers.Authorization)
            || HasCookie(request, _signInCookie)
            || !options.CurrentValue.OutputCache
            // The error page, run again down the pipeline after an exception: never a cached page.
            || context.Features.Get<IExceptionHandlerPathFeature>() is not null
            || KeyFor(request) is not { } key)
        {
            return next(context);
        }
        var hasReaderCookie = HasCookie(request, ReaderIdCookie.CookieName);
        if (pages.Find(key) is { } page)
        {
            return page.VariesByReader && hasReaderCookie ? next(context) : ServeAsync(context, page, head);
        }
        // A HEAD is answered from a copy but never makes one: its body may not have been written.
        return head ? next(context) : RenderAndKeepAsync(context, key, hasReaderCookie);
    }

    /// <summary>
    /// What tells copies apart, as the output cache's key does: scheme, host and path (host and path
    /// in upper case, as the output cache compares them), and the page's query parameters as the page
    /// reads them. Null for a request the output cache would not keep (an over-long host, a parameter
    /// given twice).
    /// </summary>
    /// <remarks>
    /// Which parameters a page reads is known only after routing; both are put in the key when given.
    /// A page that reads neither then gets a copy per value given, and only for values it was stored
    /// under, so at worst such a request goes the slower way.
    /// </remarks>
    public static string? KeyFor(HttpRequest request)
    {
        var host = request.Host.Value;
        if (host is null || host.Length > ReaderPageVariation.MaxHostLength)
        {
            return null;
        }
        var query = "";
        if (request.QueryString.HasValue)
        {
            foreach (var name in PageQuery)
            {
                var values = request.Query[name];
                if (values.Count > 1)
                {
                    return null;
                }
                if (values.Count == 1)
                {
                    query += "|" + name + "=" + ReaderPageVariation.Normalize(name, values[0]);
                }
            }
        }
        return string.Concat(request.Scheme, "|", host.ToUpperInvariant(), "|",
            (request.PathBase + request.Path).Value?.ToUpperInvariant(), query);
    }

    private static bool HasCookie(HttpRequest request, string name)
    {
        // A plain search of the header: a cookie merely mentioning the name is taken for it, which
        // only sends that request the slower way.
        foreach (var header in request.Headers.Cookie)
        {
            if (header is not null && header.Contains(name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private Task ServeAsync(HttpContext context, FastPathPage page, bool head)
    {
        pages.CountHit();
        var response = context.Response;
        if (IsNotModified(context.Request, page))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            foreach (var name in NotModifiedHeaders)
            {
                if (page.TryFindHeader(name, out var value))
                {
                    response.Headers[name] = value;
                }
            }
            return Task.CompletedTask;
        }

        response.StatusCode = page.StatusCode;
        var headers = response.Headers;
        headers.ContentLength = page.Body.Length;
        foreach (var header in page.Headers)
        {
            headers[header.Key] = header.Value;
        }
        var age = clock.GetUtcNow() - page.Created;
        headers.Age = (age > TimeSpan.Zero ? (long)age.TotalSeconds : 0).ToString(CultureInfo.InvariantCulture);
        if (head || page.Body.IsEmpty)
        {
            return Task.CompletedTask;
        }
        var write = response.BodyWriter.WriteAsync(page.Body);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
    }

    /// <summary>The output cache's rules for a conditional request to a page it holds.</summary>
    private static bool IsNotModified(HttpRequest request, FastPathPage page)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            if (ifNoneMatch.Count == 1 && StringSegment.Equals(ifNoneMatch[0], EntityTagHeaderValue.Any.Tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            return page.TryFindHeader(HeaderNames.ETag, out var raw)
                && EntityTagHeaderValue.TryParse(raw.ToString(), out var etag)
                && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var asked)
                && asked.Any(a => etag.Compare(a, useStrongComparison: false));
        }
        var ifModifiedSince = request.Headers.IfModifiedSince;
        if (StringValues.IsNullOrEmpty(ifModifiedSince))
        {
            return false;
        }
        if (!(page.TryFindHeader(HeaderNames.LastModified, out var lastModified) && HeaderUtilities.TryParseDate(lastModified.ToString(), out var modified))
            && !(page.TryFindHeader(HeaderNames.Date, out var date) && HeaderUtilities.TryParseDate(date.ToString(), out modified)))
        {
            return false;
        }
        return HeaderUtilities.TryParseDate(ifModifiedSince.ToString(), out var since) && modified <= since;
    }

    /// <summary>Runs the rest of the pipeline; keeps a copy if the output cache stored what it answered.</summary>
    private async Task RenderAndKeepAsync(HttpContext context, string key, bool hasReaderCookie)
    {
        var response = context.Response;
        var capture = new ResponseCapture(response, ReaderPageFastPath.MaxPageBytes, clock,
            () => CacheFreshness.IsMarkedForStorage(context));
        response.Body = capture;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = capture.Inner;
        }
        capture.Finish();

        if (ReaderPageFastPath.FindStored(context) is not { } stored
            || context.GetEndpoint()?.Metadata.GetMetadata<ReaderPageAttribute>() is not { } readerPage
            // The copy for one reader's own choices is theirs alone.
            || (readerPage.VariesByReader && hasReaderCookie)
            || capture.Body is not { } body
            || capture.Headers is not { } headers
            || (response.ContentLength is { } length && length != body.Length))
        {
            return;
        }
        var page = new FastPathPage
        {
            Key = key,
            StatusCode = response.StatusCode,
            Headers = headers,
            Body = body.ToArray(),
            Created = capture.Started,
            Expires = capture.Started + stored.ValidFor,
            Tags = stored.Tags,
            VariesByReader = readerPage.VariesByReader,
        };
        // Under the same check as the output cache's store: not if a tag of the page was evicted
        // since its request began, even if that happened after the output cache stored it.
        await freshness.StoreIfStillFreshAsync(context, stored.Tags, () =>
        {
            pages.Add(key, page);
            return ValueTask.CompletedTask;
        }, CancellationToken.None);
    }
}

public static class ReaderPageFastPathRegistration
{
    /// <summary>Before routing: a page kept by the fast path needs nothing that runs after it.</summary>
    public static IApplicationBuilder UseReaderPageFastPath(this IApplicationBuilder app) =>
        app.UseMiddleware<ReaderPageFastPathMiddleware>();
}
