namespace NewsReader.Related;

public readonly record struct WeightedTerm(string Term, float Weight);

/// <summary>
/// TF-IDF weights for a story's terms. Only a story's strongest terms are kept, as a unit-length
/// vector: their dot product with another story's kept terms is the cosine similarity of the two,
/// and a table of them is an inverted index that finds candidates without reading every story.
/// </summary>
public static class TermWeighting
{
    /// <summary>
    /// A story keeps this many terms. Past the first couple of dozen, a term adds little to what a
    /// news story is about but grows the index linearly.
    /// </summary>
    public const int TermsPerStory = 24;

    /// <param name="counts">How often each term occurs in the story.</param>
    /// <param name="documentFrequency">In how many stories a term occurs (this one included).</param>
    /// <param name="documentCount">How many stories there are.</param>
    public static IReadOnlyList<WeightedTerm> TopTerms(
        IReadOnlyDictionary<string, int> counts, Func<string, int> documentFrequency, int documentCount,
        int keep = TermsPerStory)
    {
        var weighted = new List<WeightedTerm>(counts.Count);
        foreach (var (term, count) in counts)
        {
            if (count <= 0)
            {
                continue;
            }
            var tf = 1 + Math.Log(count); // sub-linear: the tenth mention of a word adds less than the second
            weighted.Add(new WeightedTerm(term, (float)(tf * InverseDocumentFrequency(documentFrequency(term), documentCount))));
        }

        weighted.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Term, b.Term));
        if (weighted.Count > keep)
        {
            weighted.RemoveRange(keep, weighted.Count - keep);
        }

        var length = Math.Sqrt(weighted.Sum(t => (double)t.Weight * t.Weight));
        return length == 0 ? [] : weighted.Select(t => t with { Weight = (float)(t.Weight / length) }).ToList();
    }

    /// <summary>Smoothed, so that a term in every story still weighs a little and a new term does not divide by zero.</summary>
    public static double InverseDocumentFrequency(int documentFrequency, int documentCount) =>
        Math.Log((1.0 + Math.Max(documentCount, 0)) / (1.0 + Math.Max(documentFrequency, 0))) + 1;

    /// <summary>The cosine of two unit vectors: the sum of weight products over shared terms.</summary>
    public static double Cosine(IReadOnlyList<WeightedTerm> a, IReadOnlyList<WeightedTerm> b)
    {
        var other = b.ToDictionary(t => t.Term, t => t.Weight, StringComparer.Ordinal);
        return a.Sum(t => other.TryGetValue(t.Term, out var w) ? (double)t.Weight * w : 0);
    }
}
