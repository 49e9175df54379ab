using System.Diagnostics.CodeAnalysis;

namespace NewsReader.Articles;

/// <summary>
/// The one way the site calls Markdig: on a worker thread with a deep stack, within a time budget,
/// with every exception turned into a failure the caller can report. Markdig refuses deep nesting
/// with an ArgumentException, runs out of stack with InsufficientExecutionStackException, and a
/// real stack overflow would end the whole process (it cannot be caught), so the work gets a stack
/// far deeper than Markdig's own nesting limit can use.
/// </summary>
public static class MarkdigGuard
{
    // Markdig stops at its nesting limit long before 16 MB; 50,000 nested quotes use well under it.
    internal const int StackBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="work"/> and waits for it at most <paramref name="budget"/>. On failure
    /// <paramref name="failure"/> says why in words for a person; work over its budget is left to
    /// finish on its (background) thread, and its result is dropped.
    /// </summary>
    public static bool TryRun<T>(Func<T> work, TimeSpan budget, [MaybeNullWhen(false)] out T result, [NotNullWhen(false)] out string? failure)
    {
        var outcome = default(T);
        string? error = null;
        var worker = new Thread(
            () =>
            {
                try
                {
                    outcome = work();
                }
                catch (InsufficientExecutionStackException)
                {
                    error = "the Markdown is too deeply nested";
                }
                catch (ArgumentException ex) when (ex.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
                {
                    error = "the Markdown is too deeply nested";
                }
                catch (TimeoutException)
                {
                    error = "the Markdown took too long to read";
                }
                catch (Exception ex)
                {
                    // A library bug on hostile input must not take the caller down with it.
                    error = $"the Markdown could not be read ({ex.GetType().Name})";
                }
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "Markdown",
        };
        worker.Start();

        if (!worker.Join(budget))
        {
            result = default;
            failure = "the Markdown took too long to read";
            return false;
        }
        if (error is not null)
        {
            result = default;
            failure = error;
            return false;
        }

        result = outcome!;
        failure = null;
        return true;
    }
}
