using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsReader.Caching;

namespace NewsReader.Reactions;

/// <summary>The reaction form's target, POST /articles/{slug}/reactions (DESIGN.md §7), and its protections.</summary>
public static class ReactionEndpoints
{
    public static IServiceCollection AddReactions(this IServiceCollection services)
    {
        services.AddOptions<ReactionOptions>()
            .BindConfiguration(ReactionOptions.Section)
            .Validate(o => o.PerReaderPerMinute > 0 && o.PerAddressPerMinute > 0, "Reaction rate limits must be positive.")
            .ValidateOnStart();
        services.AddDataProtection();
        services.AddSingleton<ReaderIdCookie>();
        services.AddSingleton<ReactionService>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ReactionOptions>>((limiter, reactionOptions) =>
        {
            var limits = reactionOptions.Value;
            // Two limits at once, so the global limiter chains them; both let everything but reaction posts through.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsReactionPost(context) && context.RequestServices.GetRequiredService<ReaderIdCookie>().Read(context) is { } readerId
                        ? PerMinute("reader:" + readerId, limits.PerReaderPerMinute)
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsReactionPost(context)
                        ? PerMinute("address:" + AddressKey(context.Connection.RemoteIpAddress), limits.PerAddressPerMinute)
                        : RateLimitPartition.GetNoLimiter("")));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(MessagePage("Too many reactions",
                    "You reacted very often in the last minute. Wait a moment, then try again.",
                    rejected.HttpContext.Request.RouteValues["slug"] as string), cancellationToken);
            };
        });
        return services;
    }

    public static WebApplication MapReactions(this WebApplication app)
    {
        // Routing has already picked the endpoint, so the limiter knows a reaction post when it sees one.
        app.UseRateLimiter();
        app.MapPost("/articles/{slug}/reactions", PostAsync)
            // The story page is cached and shared, so it carries no antiforgery token; the origin check below stands in.
            .DisableAntiforgery()
            .WithMetadata(new ReactionPostMetadata());
        return app;
    }

    private sealed class ReactionPostMetadata;

    private static bool IsReactionPost(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ReactionPostMetadata>() is not null;

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });

    /// <summary>An IPv4 address, or the /64 of an IPv6 one: a single IPv6 client commonly holds a whole /64.</summary>
    internal static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async Task<IResult> PostAsync(
        string slug, HttpContext context, ReactionService reactions, ReaderIdCookie readers, ReaderPageEvictor cachedPages,
        CancellationToken cancellationToken)
    {
        if (!SameOriginCheck.IsSameOrigin(context.Request))
        {
            return Message(StatusCodes.Status403Forbidden, "Reaction refused",
                "Reactions can only be sent from the story's own page.", slug);
        }

        ReactionKindResult kind;
        try
        {
            kind = context.Request.HasFormContentType
                ? ParseKind((await context.Request.ReadFormAsync(cancellationToken))["kind"])
                : default;
        }
        catch (InvalidDataException)
        {
            kind = default;
        }
        if (!kind.IsValid)
        {
            return Message(StatusCodes.Status400BadRequest, "Unknown reaction",
                "Choose one of the six reactions under the story.", slug);
        }

        if (await reactions.FindPublishedStoryAsync(slug, cancellationToken) is not { } articleId)
        {
            // Written here: the site's 404 page is a Blazor page, which a re-executed POST would not reach.
            return Message(StatusCodes.Status404NotFound, "Story not found",
                "There is no published story at this address to react to.", null);
        }

        var readerId = readers.GetOrIssue(context);
        await reactions.ReactAsync(articleId, readerId, kind.Kind, cancellationToken);
        // The reaction is saved: the cached page must go even if this reader has already gone.
        await cachedPages.StoryPageChangedAsync(articleId, CancellationToken.None);

        // 303: the browser follows with a GET of the story, so a reload does not post again.
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = $"/articles/{Uri.EscapeDataString(slug)}#reactions";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Empty;
    }

    private readonly record struct ReactionKindResult(bool IsValid, Data.ReactionKind Kind);

    private static ReactionKindResult ParseKind(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 1 && ReactionKinds.TryParse(values[0], out var kind) ? new(true, kind) : default;

    private static IResult Message(int status, string title, string text, string? slug) =>
        Results.Content(MessagePage(title, text, slug), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>A small page of its own, readable without JavaScript, with a way back to the story.</summary>
    private static string MessagePage(string title, string text, string? slug)
    {
        var back = slug is null
            ? "<a href=\"/\">Back to the front page</a>"
            : $"<a href=\"/articles/{WebUtility.HtmlEncode(Uri.EscapeDataString(slug))}#reactions\">Back to the story</a>";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{WebUtility.HtmlEncode(title)}</title><link rel="stylesheet" href="/app.css" /></head>
            <body><main id="main" class="message-page"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p><p>{back}</p></main></body>
            </html>
            """;
    }
}
