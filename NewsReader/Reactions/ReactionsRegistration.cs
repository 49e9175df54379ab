using System.Text;
using NewsReader.Caching;
using NewsReader.Limits;
using NewsReader.Web;

namespace NewsReader.Reactions;

/// <summary>The reaction form's target, POST /articles/{slug}/reactions, and its protections.</summary>
public static class ReactionsRegistration
{
    public static IServiceCollection AddReactions(this IServiceCollection services)
    {
        services.AddOptions<ReactionOptions>()
            .BindConfiguration(ReactionOptions.Section)
            .Validate(o => o.PerReaderPerMinute > 0 && o.PerAddressPerMinute > 0 && o.NewReadersPerAddressPerMinute > 0
                && o.NewReadersPerAddressPerStoryPerMinute > 0, "Reaction rate limits must be positive.")
            .ValidateOnStart();
        services.AddDataProtection();
        services.AddSingleton<ReaderIdCookie>();
        services.AddSingleton<ReactionWriter>();
        services.AddSingleton<ReactionService>();
        return services;
    }

    public static WebApplication MapReactions(this WebApplication app)
    {
        app.MapPost("/articles/{slug}/reactions", PostAsync)
            // The story page is cached and shared, so it carries no antiforgery token; the origin check below stands in.
            .DisableAntiforgery()
            // Limits/: per reader, per address and for readers without a cookie; and a body of one short field.
            .WithMetadata(new RateLimitedAttribute(LimitedRequest.Reaction), new BodyLimitAttribute(BodyLimits.ReactionBytes));
        return app;
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

        if (await reactions.FindPublishedStoryAsync(slug, cancellationToken) is not { } storyId)
        {
            // Written here: the site's 404 page is a Blazor page, which a re-executed POST would not reach.
            return Message(StatusCodes.Status404NotFound, "Story not found",
                "There is no published story at this address to react to.", null);
        }

        var readerId = readers.GetOrIssue(context);
        await reactions.ReactAsync(storyId, readerId, kind.Kind, cancellationToken);
        // The reaction is saved: the cached page must go even if this reader has already gone.
        await cachedPages.StoryPageChangedAsync(storyId, CancellationToken.None);

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
        Results.Content(slug is null
                ? MessagePage.Html(title, text, "/", "Back to the front page")
                : MessagePage.Html(title, text, $"/articles/{Uri.EscapeDataString(slug)}#reactions", "Back to the story"),
            "text/html; charset=utf-8", Encoding.UTF8, status);
}
