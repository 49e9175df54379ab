using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Antiforgery;

namespace NewsReader.Web;

/// <summary>
/// With interactive components enabled anywhere in the app, Blazor asks antiforgery for tokens on
/// every server-rendered page, which sets a cookie and `Cache-Control: no-cache, no-store` — and
/// that makes even the public story pages uncacheable. Reader pages (<see cref="ReaderPageAttribute"/>)
/// post nothing that needs those tokens (the reaction form is checked by origin instead), so for
/// them the tokens are generated without being stored. Every other page keeps the full protection.
/// </summary>
/// <remarks>
/// Reader pages get an empty token set rather than unstored tokens: nothing on them would use the
/// tokens, and making them (encryption with the Data Protection keys) was a measurable part of an
/// uncached page.
/// </remarks>
public sealed class ReaderPageAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        IsReaderPage(httpContext)
            ? new AntiforgeryTokenSet(null, null, options.Value.FormFieldName, options.Value.HeaderName)
            : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private static bool IsReaderPage(HttpContext httpContext) =>
        HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method)
            ? httpContext.GetEndpoint()?.Metadata.GetMetadata<ReaderPageAttribute>() is not null
            : false;
}

public static class ReaderPageAntiforgeryExtensions
{
    /// <summary>Wraps the registered <see cref="IAntiforgery"/> in <see cref="ReaderPageAntiforgery"/>.</summary>
    public static IServiceCollection AddReaderPageAntiforgery(this IServiceCollection services)
    {
        services.AddAntiforgery();
        var registered = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(registered);
        services.AddSingleton<IAntiforgery>(provider => new ReaderPageAntiforgery(
            (IAntiforgery)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
            provider.GetRequiredService<IOptions<AntiforgeryOptions>>()));
        return services;
    }
}
