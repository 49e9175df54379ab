using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace NewsReader.Tests.Support;

/// <summary>Keeps what the site logs, for tests about what an operator reads in the log.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                messages.Enqueue(formatter(state, exception));
            }
        }
    }
}

public static class LogCaptureExtensions
{
    /// <summary>The same site (same settings and database) with its log captured.</summary>
    public static WebApplicationFactory<Program> WithLogCapture(this NewsSiteFactory site, LogCapture capture) =>
        site.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(capture)));
}
