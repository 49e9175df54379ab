using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsReader.Reactions;
using NewsReader.Web;

namespace NewsReader.Limits;

/// <summary>The kinds of request the site limits; a page or endpoint says which it is with <see cref="RateLimitedAttribute"/>.</summary>
public enum LimitedRequest
{
    Reaction,
    SignIn,
    Setup,
    Search,
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RateLimitedAttribute(LimitedRequest request) : Attribute
{
    public LimitedRequest Request { get; } = request;
}

/// <summary>
/// Every rate limit of the site, in one place: ASP.NET Core's rate limiter with one sliding minute per
/// key. Each limit is one line below, made by <see cref="PerMinute"/>; a request must pass all that
/// apply to it, and over any of them gets 429 with a page saying what to do.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitOptions>()
            .BindConfiguration(LimitOptions.Section)
            .Validate(o => o.SignInPostsPerAddressPerMinute > 0 && o.SearchesPerAddressPerMinute > 0, "NewsReader:Limits must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ReactionOptions>, IOptions<LimitOptions>>((limiter, reactionOptions, limitOptions) =>
        {
            var reactions = reactionOptions.Value;
            var limits = limitOptions.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerMinute(LimitedRequest.Reaction, c => ReaderId(c) is { } id ? "reader:" + id : null, reactions.PerReaderPerMinute),
                PerMinute(LimitedRequest.Reaction, c => "address:" + ClientAddress.Key(c), reactions.PerAddressPerMinute),
                // A post without a reader cookie makes a new reader, so a client that drops its cookie
                // could otherwise react again and again: new readers are counted per address, across
                // stories and (tighter) per story. Readers who kept their cookie are not counted here.
                PerMinute(LimitedRequest.Reaction, c => ReaderId(c) is null ? "new-readers:" + ClientAddress.Key(c) : null,
                    reactions.NewReadersPerAddressPerMinute),
                PerMinute(LimitedRequest.Reaction, c => ReaderId(c) is null ? $"new-readers:{ClientAddress.Key(c)}:{Slug(c)}" : null,
                    reactions.NewReadersPerAddressPerStoryPerMinute),
                // Only posts: reading the forms costs nothing, a post runs a password hash.
                PerMinute(LimitedRequest.SignIn, c => HttpMethods.IsPost(c.Request.Method) ? "sign-in:" + ClientAddress.Key(c) : null,
                    limits.SignInPostsPerAddressPerMinute),
                PerMinute(LimitedRequest.Setup, c => HttpMethods.IsPost(c.Request.Method) ? "setup:" + ClientAddress.Key(c) : null,
                    limits.SignInPostsPerAddressPerMinute),
                // Only searches for something: the empty search page is as cheap as any other page.
                PerMinute(LimitedRequest.Search, c => string.IsNullOrWhiteSpace(c.Request.Query["q"]) ? null : "search:" + ClientAddress.Key(c),
                    limits.SearchesPerAddressPerMinute));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, cancellationToken) => new ValueTask(WriteRejectionAsync(rejected.HttpContext, cancellationToken));
        });
        return services;
    }

    /// <summary>
    /// After routing, so the endpoint says what kind of request this is, and before antiforgery reads
    /// a form. Behind the output cache: a page it answers costs nothing and is not counted.
    /// </summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) =>
        // Other requests (almost all) skip the limiter altogether.
        app.UseWhen(context => LimitedAs(context) is not null, limited => limited.UseRateLimiter());

    private static LimitedRequest? LimitedAs(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>()?.Request;

    /// <summary>
    /// The one partitioning helper: for requests of one kind, a sliding minute of
    /// <paramref name="permits"/> per key (six ten-second segments, no queue); requests of other
    /// kinds, and those for which <paramref name="keyOf"/> gives null, are not counted.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> PerMinute(LimitedRequest kind, Func<HttpContext, string?> keyOf, int permits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            LimitedAs(context) == kind && keyOf(context) is { } key
                ? RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));

    private static string? ReaderId(HttpContext context) => context.RequestServices.GetRequiredService<ReaderIdCookie>().Read(context);

    /// <summary>The story's slug, cut to the longest a real slug can be, so a made-up long one cannot make a long key.</summary>
    private static string Slug(HttpContext context) =>
        context.Request.RouteValues["slug"] is string { Length: > 0 } slug ? slug[..Math.Min(slug.Length, Stories.Slug.MaxLength)] : "";

    private static Task WriteRejectionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // Sliding windows free permits every ten seconds; a minute is the honest upper bound.
        context.Response.Headers.RetryAfter = "60";
        var (title, text, back, backText) = LimitedAs(context) switch
        {
            LimitedRequest.Reaction when context.Request.RouteValues["slug"] is string slug =>
                ("Too many reactions", "You reacted very often in the last minute. Wait a moment, then try again.",
                    $"/articles/{Uri.EscapeDataString(slug)}#reactions", "Back to the story"),
            LimitedRequest.SignIn or LimitedRequest.Setup =>
                ("Too many sign-in attempts", "There were many sign-in attempts from your network in the last minute. Wait a minute, then try again.",
                    context.Request.Path + context.Request.QueryString, "Back to the form"),
            LimitedRequest.Search =>
                ("Too many searches", "Your network sent many searches in the last minute. Wait a minute, then search again.",
                    "/", "Back to the front page"),
            _ => ("Too many requests", "Wait a minute, then try again.", "/", "Back to the front page"),
        };
        return MessagePage.WriteAsync(context.Response, title, text, back, backText, cancellationToken);
    }
}
