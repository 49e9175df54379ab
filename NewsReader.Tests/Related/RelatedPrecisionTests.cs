using NewsReader.Tests.Support;
using NewsReader.Tests.Support.RelatedEvaluation;
using Xunit.Abstractions;

namespace NewsReader.Tests.Related;

/// <summary>
/// How often the first three related stories are on the story's own subject (P@3), on hand-written
/// stories whose categories and tags cut across subjects. The value is printed for BENCHMARKS.md.
/// </summary>
public sealed class RelatedPrecisionTests(ITestOutputHelper output)
{
    [Fact]
    public void TheFirstThreeRelatedStoriesShareTheSubjectInTheEvaluationSet()
    {
        var stories = RelatedEvaluationCorpus.Stories;
        Assert.True(stories.GroupBy(s => s.Subject).Count() >= 10 && stories.GroupBy(s => s.Subject).All(g => g.Count() >= 5));

        var result = RelatedPrecision.Measure(stories.Select(s => (s.Subject, s.Title, s.Summary, s.Body, s.Categories, s.Tags)).ToList());

        output.WriteLine($"P@3 on the evaluation set ({stories.Count} stories): {result.PrecisionAt3:F3}");
        foreach (var miss in result.Misses)
        {
            output.WriteLine("  off topic: " + miss);
        }
        Assert.True(result.PrecisionAt3 >= 0.95, $"P@3 {result.PrecisionAt3:F3} < 0.95; off topic:\n{string.Join('\n', result.Misses)}");
    }

    [Fact]
    public void TheFirstThreeRelatedStoriesShareTheTopicInTheGeneratedCorpus()
    {
        var stories = RelatedTopicCorpus.Generate(storiesPerTopic: 15);

        var result = RelatedPrecision.Measure(stories.Select(s => (s.Topic, s.Title, s.Summary, s.Body, s.Categories, s.Tags)).ToList());

        output.WriteLine($"P@3 on the generated topic corpus ({stories.Count} stories): {result.PrecisionAt3:F3}");
        Assert.True(result.PrecisionAt3 >= 0.9, $"P@3 {result.PrecisionAt3:F3} < 0.9");
    }
}
