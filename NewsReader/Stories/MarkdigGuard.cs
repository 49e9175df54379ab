using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace NewsReader.Stories;

/// <summary>What one piece of guarded work gave: its value, or in words for a person why it failed.</summary>
public readonly record struct GuardedResult<T>(T? Value, string? Failure)
{
    public bool Succeeded => Failure is null;
}

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

    private const string TooDeep = "the Markdown is too deeply nested";
    private const string TooLong = "the Markdown took too long to read";

    /// <summary>
    /// Runs <paramref name="work"/> and waits for it at most <paramref name="budget"/>. On failure
    /// <paramref name="failure"/> says why in words for a person; work over its budget is left to
    /// finish on its (background) thread, and its result is dropped.
    /// </summary>
    public static bool TryRun<T>(Func<T> work, TimeSpan budget, [MaybeNullWhen(false)] out T result, [NotNullWhen(false)] out string? failure)
    {
        var outcome = TryRunEach(1, _ => work(), budget)[0];
        result = outcome.Value!;
        failure = outcome.Failure;
        return outcome.Succeeded;
    }

    /// <summary>
    /// Runs work(0), work(1), … work(count - 1) in order on one worker thread, each within
    /// <paramref name="budget"/>, as <see cref="TryRun"/> would run each alone. For bulk loads
    /// (seed-demo, 100,000 stories) starting a 16 MB-stack thread per item cost more than the work.
    /// An item over its budget fails, and the items after it go on on a fresh worker.
    /// </summary>
    public static GuardedResult<T>[] TryRunEach<T>(int count, Func<int, T> work, TimeSpan budget)
    {
        var results = new GuardedResult<T>[count];
        var next = 0;
        while (next < count)
        {
            next = new Worker<T>(next, count, work).Run(results, budget);
        }
        return results;
    }

    private static GuardedResult<T> RunOne<T>(Func<int, T> work, int index)
    {
        try
        {
            return new GuardedResult<T>(work(index), null);
        }
        catch (InsufficientExecutionStackException)
        {
            return new GuardedResult<T>(default, TooDeep);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            return new GuardedResult<T>(default, TooDeep);
        }
        catch (TimeoutException)
        {
            return new GuardedResult<T>(default, TooLong);
        }
        catch (Exception ex)
        {
            // A library bug on hostile input must not take the caller down with it.
            return new GuardedResult<T>(default, $"the Markdown could not be read ({ex.GetType().Name})");
        }
    }

    /// <summary>The item a worker is on and when it started it; every item before it is done.</summary>
    private sealed record Progress(int Index, long StartedAt);

    /// <summary>One worker thread for the items from <c>first</c> on, until they are done or one runs over.</summary>
    private sealed class Worker<T>(int first, int count, Func<int, T> work)
    {
        // The worker's own copy: an item that ran over may still finish later, and must then write
        // where nobody reads any more.
        private readonly GuardedResult<T>[] _done = new GuardedResult<T>[count - first];
        private Progress? _progress;
        private bool _stop;

        /// <summary>Copies what was done into <paramref name="results"/>; returns the first item not done.</summary>
        public int Run(GuardedResult<T>[] results, TimeSpan budget)
        {
            var launched = Stopwatch.GetTimestamp();
            var thread = new Thread(Loop, StackBytes) { IsBackground = true, Name = "Markdown" };
            thread.Start();

            while (true)
            {
                var progress = Volatile.Read(ref _progress);
                var left = budget - Stopwatch.GetElapsedTime(progress?.StartedAt ?? launched);
                if (left > TimeSpan.Zero)
                {
                    if (thread.Join(left))
                    {
                        Array.Copy(_done, 0, results, first, _done.Length);
                        return count;
                    }
                    continue;
                }
                if (Volatile.Read(ref _progress) != progress)
                {
                    continue;
                }

                Volatile.Write(ref _stop, true);
                var overrun = progress?.Index ?? first;
                Array.Copy(_done, 0, results, first, overrun - first);
                results[overrun] = new GuardedResult<T>(default, TooLong);
                return overrun + 1;
            }
        }

        private void Loop()
        {
            for (var i = first; i < count && !Volatile.Read(ref _stop); i++)
            {
                // Written after the item before it, so a reader who sees this sees that item done.
                Volatile.Write(ref _progress, new Progress(i, Stopwatch.GetTimestamp()));
                _done[i - first] = RunOne(work, i);
            }
        }
    }
}
