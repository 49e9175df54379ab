using BenchmarkDotNet.Attributes;
using NewsReader.Stories;
using NewsReader.Demo;
using NewsReader.Related;

namespace NewsReader.Benchmarks;

/// <summary>
/// Related stories for one story against an archive of 100,000 generated stories (the same
/// generator as <c>seed-demo</c>), using the pure code the site runs: TextAnalyzer and TermWeighting
/// for a story's terms, RelatedIndex for the ranking.
/// </summary>
/// <remarks>
/// In the site RelatedStoriesUpdater loads the index from SQLite (StoryTerms, categories, tags)
/// and ranks in memory; the database part is left out here. The index below holds the whole
/// archive, which bounds from above the neighbourhood the updater loads for one changed story.
/// </remarks>
[MemoryDiagnoser]
public class RelatedBenchmarks
{
    private const int Stories = 100_000;
    private const int Seed = 6;
    private static readonly DateTime Newest = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private RelatedIndex _index = null!;
    private Dictionary<string, int> _documentFrequency = null!;
    private StoryInput _story = null!;

    /// <summary>A story in the middle of the archive: neither the newest nor the oldest.</summary>
    public int StoryId { get; } = Stories / 2;

    [GlobalSetup]
    public void Setup()
    {
        CheckBodiesNeedNoRendering();

        // Two passes over the same seed rather than keeping 100,000 term tables in memory:
        // the first counts document frequencies, the second weighs each story's terms with them.
        _documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, input) in Archive())
        {
            foreach (var term in CountTerms(input).Keys)
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var categoryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _index = new RelatedIndex();
        foreach (var (id, input) in Archive())
        {
            if (id == StoryId)
            {
                _story = input;
            }

            _index.Add(new StoryFeatures(
                id,
                input.PublishedAt,
                input.Categories.Select(c => IdOf(categoryIds, c)).ToList(),
                input.Tags.Select(t => IdOf(tagIds, t)).ToList(),
                Weigh(CountTerms(input))));
        }

        _index.Prepare();
        if (_index.Rank(StoryId).Count < RelatedStoriesUpdater.StoredPerStory)
        {
            throw new InvalidOperationException("The story has too few related stories to measure a full list.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    /// <summary>What the updater stores for a story: its best <see cref="RelatedStoriesUpdater.StoredPerStory"/>.</summary>
    [Benchmark]
    public List<RelatedScore> RankOneStoryAgainst100000() => _index.Rank(StoryId).Take(RelatedStoriesUpdater.StoredPerStory).ToList();

    /// <summary>The text side of a save: count the story's terms and keep its strongest, TF-IDF weighted.</summary>
    [Benchmark]
    public IReadOnlyList<WeightedTerm> TermsOfOneStory() => Weigh(CountTerms(_story));

    private static IEnumerable<(int Id, StoryInput Input)> Archive()
    {
        var generator = new DemoStoryGenerator(Seed);
        for (var id = 1; id <= Stories; id++)
        {
            yield return (id, generator.Next(id, Newest));
        }
    }

    // The site counts terms in the sanitised HTML, whose tags TextAnalyzer drops. Generated bodies are
    // plain paragraphs and "## " headings, so their Markdown has the same terms; rendering 100,000 of
    // them first would only make the setup minutes longer. CheckBodiesNeedNoRendering proves it.
    private static Dictionary<string, int> CountTerms(StoryInput input) =>
        TextAnalyzer.CountTerms(input.Title, input.Summary, input.Body);

    private IReadOnlyList<WeightedTerm> Weigh(Dictionary<string, int> counts) =>
        TermWeighting.TopTerms(counts, t => _documentFrequency.GetValueOrDefault(t, 1), Stories);

    private static void CheckBodiesNeedNoRendering()
    {
        var renderer = new MarkdownRenderer();
        foreach (var (_, input) in Archive().Take(50))
        {
            var fromMarkdown = CountTerms(input);
            var fromHtml = TextAnalyzer.CountTerms(input.Title, input.Summary, renderer.ToSafeHtml(input.Body));
            if (fromMarkdown.Count != fromHtml.Count || fromMarkdown.Any(c => fromHtml.GetValueOrDefault(c.Key) != c.Value))
            {
                throw new InvalidOperationException("Generated bodies no longer have the same terms as their HTML; render them in the setup.");
            }
        }
    }

    private static int IdOf(Dictionary<string, int> ids, string name)
    {
        if (!ids.TryGetValue(name, out var id))
        {
            ids[name] = id = ids.Count + 1;
        }

        return id;
    }
}
