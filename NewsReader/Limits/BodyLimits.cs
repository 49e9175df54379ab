using Microsoft.AspNetCore.Http.Metadata;
using NewsReader.Web;

namespace NewsReader.Limits;

/// <summary>The most a post to this page or endpoint may send; larger bodies get 413 before anything reads them.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class BodyLimitAttribute(long bytes) : Attribute, IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = bytes;
}

/// <summary>
/// Request body limits for the small forms anyone may post. Routing hands the endpoint's
/// <see cref="BodyLimitAttribute"/> to Kestrel, which stops reading past it; this middleware answers
/// a declared Content-Length over the limit at once, and turns Kestrel's "too large" error (a body
/// without a length that runs over) into a short page. Either way nothing has been read or changed.
/// </summary>
public static class BodyLimits
{
    /// <summary>A reaction is one short field; 4 KB leaves room for any browser's extras.</summary>
    public const long ReactionBytes = 4 * 1024;

    /// <summary>Sign-in and setup: an email, one or two passwords and the antiforgery token, under 1 KB in practice.</summary>
    public const long SignInBytes = 16 * 1024;

    /// <summary>After routing (the endpoint is known) and before anything reads a form, antiforgery included.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<BodyLimitAttribute>()?.MaxRequestBodySize is not { } limit)
            {
                await next(context);
                return;
            }
            if (context.Request.ContentLength > limit)
            {
                await WriteTooLargeAsync(context);
                return;
            }
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await WriteTooLargeAsync(context);
            }
        });

    private static Task WriteTooLargeAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The rest of the body is not read; the connection is closed rather than kept for another request.
        context.Response.Headers.Connection = "close";
        return MessagePage.WriteAsync(context.Response, "Too much data",
            "This form sent far more than it needs. Nothing was changed.", "/", "Back to the front page");
    }
}
