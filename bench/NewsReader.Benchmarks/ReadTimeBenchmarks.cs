using BenchmarkDotNet.Attributes;
using NewsReader.Stories;

namespace NewsReader.Benchmarks;

/// <summary>
/// The read time of a 2,000-word story: counting its words (a Markdown parse, done on every save and
/// on every keystroke of the editor's live read time) and the arithmetic and labels (done for every
/// card of every list page, from stored counts).
/// </summary>
[MemoryDiagnoser]
public class ReadTimeBenchmarks
{
    private const int WordsPerMinute = 200; // NewsReaderOptions' default

    private readonly MarkdownRenderer _renderer = new();
    private string _markdown = "";
    private TextMeasure _measure;

    [GlobalSetup]
    public void Setup()
    {
        _markdown = SampleStory.Markdown();
        _measure = _renderer.Measure("", _markdown);
        if (_measure.Words != SampleStory.Words)
        {
            throw new InvalidOperationException($"The sample story has {_measure.Words} words, not {SampleStory.Words}.");
        }
    }

    [Benchmark]
    public ReadTime MeasureAndReadTime() => ReadTime.From(_renderer.Measure(SampleStory.Title, _markdown), WordsPerMinute);

    [Benchmark]
    public int ReadTimeFromStoredCounts()
    {
        var readTime = ReadTime.From(_measure, WordsPerMinute);
        return readTime.IsoDuration.Length + readTime.LongLabel.Length + readTime.ShortLabel.Length;
    }
}
