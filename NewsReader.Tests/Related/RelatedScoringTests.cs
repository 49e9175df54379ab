using NewsReader.Related;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Related;

public sealed class RelatedScoringTests
{
    private static readonly DateTime Day = new(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TermsLeaveOutStopWordsAndFoldPluralsAndPossessives()
    {
        var terms = TextAnalyzer.Terms("The trams and the tram's new lines were said to be running in 2026").ToList();

        Assert.Equal(["tram", "tram", "lin", "run"], terms);
    }

    [Theory]
    [InlineData("trams", "tram")]
    [InlineData("libraries", "library")]
    [InlineData("trading", "trade")]
    [InlineData("traded", "trades")]
    [InlineData("running", "runs")]
    [InlineData("harbours", "harbour")]
    [InlineData("boxes", "box")]
    [InlineData("quickly", "quick")]
    public void TheStemmerGivesFormsOfOneWordOneStem(string form, string other)
    {
        Assert.Equal(LightStemmer.Stem(other), LightStemmer.Stem(form));
    }

    [Theory]
    [InlineData("bus", "bus")]
    [InlineData("king", "king")]
    [InlineData("class", "class")]
    [InlineData("straße", "straße")]
    public void TheStemmerLeavesShortAndForeignWordsAlone(string word, string stem)
    {
        Assert.Equal(stem, LightStemmer.Stem(word));
    }

    [Fact]
    public void BodyTextIsReadWithoutTagsOrLinkTargets()
    {
        var counts = TextAnalyzer.CountTerms("Orchard", "", "<p>An <a href=\"https://example.org/wheat\">orchard</a> &amp; barley</p>");

        Assert.Equal(3, counts["orchard"]); // twice for the title, once in the body
        Assert.Equal(1, counts["barley"]);
        Assert.False(counts.ContainsKey("wheat"));
        Assert.False(counts.ContainsKey("https"));
    }

    [Fact]
    public void SummaryWordsAndNamesInsideASentenceCountMoreThanBodyWords()
    {
        var counts = TextAnalyzer.CountTerms("", "Lava reached Harran.", "<p>Lava crossed the road. Harran was empty, said Solberg.</p>");

        Assert.Equal(3, counts["lava"]); // twice in the summary, once in the body
        Assert.Equal(2 * 2 + 2, counts["harran"]); // a name: doubled in the summary, and in the body though it opens a sentence there
        Assert.Equal(2, counts["solberg"]);
        Assert.Equal(1, counts["road"]);
    }

    [Fact]
    public void AHeadlineInTitleCaseHasNoNames()
    {
        var counts = TextAnalyzer.CountTerms("Lava Reaches The Village Of Harran", "", "");

        Assert.Equal(2, counts["lava"]);
        Assert.Equal(2, counts["harran"]);
    }

    [Fact]
    public void SharedCategoriesAndTagsOnlyBreakTiesInTheText()
    {
        var index = new RelatedIndex();
        index.Add(Story(1, Day, categories: [1], tags: [7], terms: [("lava", 0.8f), ("orrin", 0.6f)]));
        index.Add(Story(2, Day, categories: [1], tags: [7], terms: [("lava", 0.1f), ("reef", 0.99f)]));
        index.Add(Story(3, Day, categories: [2], tags: [8], terms: [("lava", 0.2f), ("orrin", 0.2f), ("ash", 0.96f)]));
        index.Add(Story(4, Day, categories: [1], tags: [7], terms: [("lava", 0.2f), ("orrin", 0.2f), ("ash", 0.96f)]));

        var ranked = index.Rank(1);

        // 3 and 4 say as much about lava and Orrin (0.28), 2 a little (0.08): the labels decide only between 3 and 4.
        Assert.Equal([4, 3, 2], ranked.Select(r => r.StoryId));
        var labelsOnly = Story(9, Day, [1], [7]);
        Assert.True(RelatedIndex.Combine(0, labelsOnly, labelsOnly) < 0.02, "equal labels and no text add up to a near-tie at most");
    }

    [Fact]
    public void TopTermsAreAUnitVectorThatPrefersRareTerms()
    {
        var counts = new Dictionary<string, int> { ["tram"] = 3, ["council"] = 3, ["viaduct"] = 1 };
        var frequency = new Dictionary<string, int> { ["tram"] = 5, ["council"] = 900, ["viaduct"] = 2 };

        var top = TermWeighting.TopTerms(counts, t => frequency[t], 1000, keep: 2);

        Assert.Equal(["tram", "viaduct"], top.Select(t => t.Term));
        Assert.Equal(1.0, Math.Sqrt(top.Sum(t => t.Weight * (double)t.Weight)), 5);
        Assert.Equal(1.0, TermWeighting.Cosine(top, top), 5);
    }

    [Fact]
    public void StoriesWithNoTermsInCommonHaveNoTextSimilarity()
    {
        var a = TermWeighting.TopTerms(new Dictionary<string, int> { ["tram"] = 1 }, _ => 1, 10);
        var b = TermWeighting.TopTerms(new Dictionary<string, int> { ["wheat"] = 1 }, _ => 1, 10);

        Assert.Equal(0, TermWeighting.Cosine(a, b));
    }

    [Fact]
    public void ARankingNeverHoldsTheStoryItselfNorADraftButHoldsAScheduledStory()
    {
        var index = new RelatedIndex();
        index.Add(Story(1, Day, terms: ("tram", 1f)));
        index.Add(Story(2, null, terms: ("tram", 1f)));
        index.Add(Story(3, Day.AddYears(1), terms: ("tram", 1f)));

        var ranked = index.Rank(1);

        Assert.Equal([3], ranked.Select(r => r.StoryId));
    }

    [Fact]
    public void TextSimilarityOutweighsASharedCategory()
    {
        var index = new RelatedIndex();
        index.Add(Story(1, Day, categories: [1], terms: [("tram", 0.8f), ("depot", 0.6f)]));
        index.Add(Story(2, Day, categories: [1], terms: [("wheat", 1f)]));
        index.Add(Story(3, Day, categories: [2], terms: [("tram", 0.6f), ("depot", 0.8f)]));

        var ranked = index.Rank(1);

        Assert.Equal([3, 2], ranked.Select(r => r.StoryId));
    }

    [Fact]
    public void ASharedTagCountsForMoreThanASharedCategory()
    {
        var index = new RelatedIndex();
        index.Add(Story(1, Day, categories: [1], tags: [7]));
        index.Add(Story(2, Day, categories: [1]));
        index.Add(Story(3, Day, tags: [7]));

        var ranked = index.Rank(1);

        Assert.Equal([3, 2], ranked.Select(r => r.StoryId));
    }

    [Fact]
    public void OnEqualScoresTheNewerStoryComesFirst()
    {
        var index = new RelatedIndex();
        index.Add(Story(1, Day, categories: [1]));
        index.Add(Story(2, Day.AddDays(1), categories: [1]));
        index.Add(Story(3, Day.AddDays(3), categories: [1]));
        index.Add(Story(4, Day.AddDays(2), categories: [1]));

        var ranked = index.Rank(1);

        Assert.Equal([3, 4, 2], ranked.Select(r => r.StoryId));
    }

    [Fact]
    public void AtLeastNineInTenOfTheFirstThreeRelatedStoriesShareTheTopicWhenCategoriesCutAcrossTopics()
    {
        var stories = RelatedTopicCorpus.Generate(storiesPerTopic: 15);
        var counts = stories.Select(s => TextAnalyzer.CountTerms(s.Title, s.Summary, s.Body)).ToList();
        var frequency = counts.SelectMany(c => c.Keys).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var categoryIds = RelatedTopicCorpus.Categories.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        var index = new RelatedIndex();
        for (var i = 0; i < stories.Count; i++)
        {
            index.Add(new StoryFeatures(i, Day.AddHours(i), stories[i].Categories.Select(c => categoryIds[c]).ToList(),
                stories[i].Tags.Select(t => t.GetHashCode()).ToList(),
                TermWeighting.TopTerms(counts[i], t => frequency[t], stories.Count)));
        }

        var firstThree = Enumerable.Range(0, stories.Count)
            .SelectMany(i => index.Rank(i).Take(3).Select(r => stories[r.StoryId].Topic == stories[i].Topic))
            .ToList();

        Assert.Equal(stories.Count * 3, firstThree.Count);
        var share = firstThree.Count(same => same) / (double)firstThree.Count;
        Assert.True(share >= 0.9, $"only {share:P0} of the first three related stories share the topic");
    }

    private static StoryFeatures Story(int id, DateTime? publishedAt, int[]? categories = null, int[]? tags = null,
        params (string Term, float Weight)[] terms) =>
        new(id, publishedAt, categories ?? [], tags ?? [], terms.Select(t => new WeightedTerm(t.Term, t.Weight)).ToList());
}
