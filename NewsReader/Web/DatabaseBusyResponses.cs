using Microsoft.Data.Sqlite;

namespace NewsReader.Web;

/// <summary>
/// When another writer holds the SQLite database longer than the busy timeout, a write fails with
/// SQLITE_BUSY or SQLITE_LOCKED. That is a passing state, not a bug: the request is answered 503
/// with Retry-After and a page that says to try again, instead of the error page.
/// </summary>
public static class DatabaseBusyResponses
{
    /// <summary>Seconds a client is asked to wait; a little more than the busy timeout.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The editor's words for the same case.</summary>
    public const string EditorMessage =
        "The database is busy with another change, so nothing was saved. Try again in a few seconds.";

    /// <summary>True when <paramref name="exception"/>, or one it wraps (EF wraps the provider's), is SQLITE_BUSY or SQLITE_LOCKED, or a passing PostgreSQL failure.</summary>
    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
            // PostgreSQL: out of connections, a lock or statement timeout, a broken or refused
            // connection; Npgsql marks what is worth trying again.
            if (e is Npgsql.NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    public static IApplicationBuilder UseDatabaseBusyResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (IsBusy(ex) && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseBusyResponses))
                    .LogWarning("The database was busy; {Method} {Path} was answered 503.", context.Request.Method, context.Request.Path);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Page(), context.RequestAborted);
            }
        });

    private static string Page() => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Busy, try again</title></head>
        <body><h1>The site is busy</h1>
        <p>Nothing was saved. Please try again in {RetryAfterSeconds} seconds.</p>
        </body></html>
        """;
}
