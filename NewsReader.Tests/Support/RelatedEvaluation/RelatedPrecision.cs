using NewsReader.Related;

namespace NewsReader.Tests.Support.RelatedEvaluation;

/// <summary>
/// Precision at 3 of the related-story ranking over a labelled set of stories, computed the way the
/// site computes its stored lists (RelatedTerms then RelatedIndex), without a database: count each
/// story's terms, weigh them against the set's document frequencies, index, rank.
/// </summary>
public static class RelatedPrecision
{
    private static readonly DateTime Day = new(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);

    public sealed record Result(double PrecisionAt3, IReadOnlyList<string> Misses);

    /// <param name="stories">Each story's subject (the label), text, categories and tags.</param>
    public static Result Measure(
        IReadOnlyList<(string Subject, string Title, string Summary, string Body, string[] Categories, string[] Tags)> stories)
    {
        var counts = stories.Select(s => TextAnalyzer.CountTerms(s.Title, s.Summary, s.Body)).ToList();
        var frequency = counts.SelectMany(c => c.Keys).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Categories and tags are separate tables on the site: a category "Local" and a tag "local" are different things.
        var categoryIds = Ids(stories.SelectMany(s => s.Categories));
        var tagIds = Ids(stories.SelectMany(s => s.Tags));

        using var index = new RelatedIndex();
        for (var i = 0; i < stories.Count; i++)
        {
            // Spread over days, so that ties fall to the newer story as they would on a site.
            index.Add(new StoryFeatures(i, Day.AddHours(i * 7 % 113), stories[i].Categories.Select(c => categoryIds[c]).ToList(),
                stories[i].Tags.Select(t => tagIds[t]).ToList(),
                TermWeighting.TopTerms(counts[i], t => frequency[t], stories.Count)));
        }

        var total = 0.0;
        var misses = new List<string>();
        for (var i = 0; i < stories.Count; i++)
        {
            // Fewer than three related stories count as misses: the page would show a gap or an off-topic filler.
            var top = index.Rank(i).Take(3).ToList();
            var hits = top.Count(r => stories[r.StoryId].Subject == stories[i].Subject);
            total += hits / 3.0;
            foreach (var miss in top.Where(r => stories[r.StoryId].Subject != stories[i].Subject))
            {
                misses.Add($"{stories[i].Title} → {stories[miss.StoryId].Title} ({miss.Score:F3})");
            }
            if (top.Count < 3)
            {
                misses.Add($"{stories[i].Title}: only {top.Count} related");
            }
        }
        return new Result(total / stories.Count, misses);
    }

    private static Dictionary<string, int> Ids(IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal).Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
}
