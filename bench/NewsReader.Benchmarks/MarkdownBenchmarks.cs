using BenchmarkDotNet.Attributes;
using NewsReader.Stories;

namespace NewsReader.Benchmarks;

/// <summary>
/// Rendering a 2,000-word story to safe HTML: done on every save, and on every preview refresh in the
/// editor (pages show the stored HTML). Markdig alone is there to show what the sanitiser costs on top.
/// </summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private readonly MarkdownRenderer _renderer = new();
    private string _markdown = "";

    [GlobalSetup]
    public void Setup()
    {
        _markdown = SampleStory.Markdown();
        var html = _renderer.ToSafeHtml(_markdown);
        // A plain-text fallback would measure the wrong thing.
        foreach (var expected in new[] { "<h2>", "<ul>", "<ol>", "<blockquote>", "<pre><code", "<em>", "<strong>", "rel=\"noopener nofollow\"" })
        {
            if (!html.Contains(expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The rendered sample story has no {expected}.");
            }
        }
    }

    [Benchmark]
    public string ToSafeHtml() => _renderer.ToSafeHtml(_markdown);

    [Benchmark]
    public string MarkdigAloneNoSanitiser() => Markdig.Markdown.ToHtml(_markdown);
}
