namespace NewsReader.Web;

public static class HeadRequests
{
    /// <summary>
    /// Razor component pages answer GET only, so a HEAD from a link checker or an uptime monitor
    /// would get 404 for a page that exists. The request is routed as a GET; Kestrel still knows it
    /// was a HEAD and sends the headers without the body.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
                context.Response.OnStarting(() =>
                {
                    context.Request.Method = HttpMethods.Head;
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
}
