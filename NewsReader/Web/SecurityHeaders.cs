namespace NewsReader.Web;

/// <summary>The headers every response carries.</summary>
public static class SecurityHeaders
{
    // Inline styles stay allowed: MudBlazor writes its theme as a <style> block and style attributes.
    // Images may come from any https host because lead images are URLs editors paste.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "SAMEORIGIN";
            return next(context);
        });
}
