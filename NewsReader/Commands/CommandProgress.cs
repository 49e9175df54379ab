using System.Diagnostics;
using System.Globalization;

namespace NewsReader.Commands;

/// <summary>
/// "import: 120 of 500 (24%), about 12 s left" on standard error while a long command works: one
/// line rewritten in place on a terminal, a plain line every tenth of the work when redirected
/// (a log or CI keeps a few lines, not thousands). Standard output keeps only the results.
/// </summary>
public sealed class CommandProgress(string what, TextWriter output, bool isTerminal) : IProgress<(int Done, int Total)>
{
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(250);

    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan? _lastWritten;
    private int _lastTenth = -1;
    private bool _lineOpen;

    public static CommandProgress ForConsole(string what) => new(what, Console.Error, !Console.IsErrorRedirected);

    public void Report((int Done, int Total) value)
    {
        var (done, total) = value;
        var finished = done >= total;
        if (isTerminal)
        {
            if (!finished && _lastWritten is { } last && _watch.Elapsed - last < TerminalInterval)
            {
                return;
            }
            output.Write("\r" + Line(what, done, total, _watch.Elapsed) + "   ");
            _lineOpen = !finished;
            if (finished)
            {
                output.WriteLine();
            }
        }
        else
        {
            var tenth = total == 0 ? 10 : (int)(10L * done / total);
            if (tenth == _lastTenth)
            {
                return;
            }
            _lastTenth = tenth;
            output.WriteLine(Line(what, done, total, _watch.Elapsed));
        }
        _lastWritten = _watch.Elapsed;
    }

    /// <summary>Ends a line left open on a terminal (a command that stopped early).</summary>
    public void Finish()
    {
        if (_lineOpen)
        {
            output.WriteLine();
            _lineOpen = false;
        }
    }

    /// <summary>The progress line; the time left is a straight projection of the time so far.</summary>
    public static string Line(string what, int done, int total, TimeSpan elapsed)
    {
        var culture = CultureInfo.InvariantCulture;
        var line = string.Create(culture, $"{what}: {done:N0} of {total:N0}");
        if (total <= 0)
        {
            return line;
        }
        line += string.Create(culture, $" ({100L * done / total}%)");
        if (done <= 0 || done >= total)
        {
            return line;
        }
        var left = TimeSpan.FromTicks(elapsed.Ticks / done * (total - done));
        return line + ", about " + Duration(left) + " left";
    }

    private static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(span.TotalSeconds))} s")
        : span.TotalMinutes < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min");
}
