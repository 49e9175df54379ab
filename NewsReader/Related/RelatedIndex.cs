namespace NewsReader.Related;

/// <summary>What the related-story ranking knows about one story.</summary>
public sealed record StoryFeatures(
    int Id,
    DateTime? PublishedAt,
    IReadOnlyCollection<int> CategoryIds,
    IReadOnlyCollection<int> TagIds,
    IReadOnlyList<WeightedTerm> Terms);

public readonly record struct RelatedScore(int StoryId, double Score, DateTime PublishedAt);

/// <summary>
/// An in-memory inverted index over the stories one recomputation needs, and the ranking of
/// related stories. Pure: the caller decides which stories to load (see RelatedStoriesUpdater).
/// </summary>
/// <remarks>
/// Score = text cosine + <see cref="CategoryWeight"/> × category overlap + <see cref="TagWeight"/>
/// × tag overlap, each overlap a cosine of the two sets (1 when they are equal). Categories are
/// broad and cut across topics ("World", "Business"), so they only break near-ties in the text;
/// tags are narrower and count for more. Ties go to the newer story, then the higher id.
/// </remarks>
public sealed class RelatedIndex
{
    public const double CategoryWeight = 0.05;
    public const double TagWeight = 0.15;

    /// <summary>Stories sharing only a category or a tag are candidates up to this many per category or tag, newest first.</summary>
    public const int MembersPerTermSet = 200;

    /// <summary>A term on more stories than this is too common to find candidates by; it still counts in scores.</summary>
    public const int MaxPostingsPerTerm = 20_000;

    private readonly Dictionary<int, StoryFeatures> _stories = [];
    private readonly Dictionary<string, List<(int StoryId, float Weight)>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _categoryMembers = [];
    private readonly Dictionary<int, List<int>> _tagMembers = [];
    private bool _membersSorted = true;

    public int Count => _stories.Count;

    public bool Contains(int storyId) => _stories.ContainsKey(storyId);

    public StoryFeatures? Find(int storyId) => _stories.GetValueOrDefault(storyId);

    /// <summary>Adds a story, or merges more of its terms into one already added.</summary>
    public void Add(StoryFeatures story)
    {
        if (_stories.TryGetValue(story.Id, out var existing))
        {
            var known = existing.Terms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            var extra = story.Terms.Where(t => !known.Contains(t.Term)).ToList();
            if (extra.Count == 0)
            {
                return;
            }
            _stories[story.Id] = existing with { Terms = [.. existing.Terms, .. extra] };
            AddPostings(story.Id, extra);
            return;
        }

        _stories[story.Id] = story;
        AddPostings(story.Id, story.Terms);
        foreach (var category in story.CategoryIds)
        {
            Members(_categoryMembers, category).Add(story.Id);
        }
        foreach (var tag in story.TagIds)
        {
            Members(_tagMembers, tag).Add(story.Id);
        }
        _membersSorted = false;
    }

    /// <summary>
    /// Every published or scheduled story related to <paramref name="storyId"/> with a score above
    /// zero, best first; never the story itself, never a draft.
    /// </summary>
    public IReadOnlyList<RelatedScore> Rank(int storyId)
    {
        if (!_stories.TryGetValue(storyId, out var story))
        {
            return [];
        }
        SortMembers();

        var text = new Dictionary<int, double>();
        foreach (var term in story.Terms)
        {
            if (!_postings.TryGetValue(term.Term, out var postings) || postings.Count > MaxPostingsPerTerm)
            {
                continue;
            }
            foreach (var (other, weight) in postings)
            {
                text[other] = text.GetValueOrDefault(other) + (double)term.Weight * weight;
            }
        }

        var candidates = new HashSet<int>(text.Keys);
        AddMembers(candidates, _categoryMembers, story.CategoryIds);
        AddMembers(candidates, _tagMembers, story.TagIds);
        candidates.Remove(storyId);

        var ranked = new List<RelatedScore>(candidates.Count);
        foreach (var id in candidates)
        {
            var other = _stories[id];
            if (other.PublishedAt is not { } publishedAt)
            {
                continue;
            }
            var score = Combine(text.GetValueOrDefault(id), story, other);
            if (score > 0)
            {
                ranked.Add(new RelatedScore(id, score, publishedAt));
            }
        }
        ranked.Sort(Compare);
        return ranked;
    }

    /// <summary>Best first; on equal scores the newer story, then the higher id (stable across runs).</summary>
    public static int Compare(RelatedScore a, RelatedScore b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
        {
            return byScore;
        }
        var byDate = b.PublishedAt.CompareTo(a.PublishedAt);
        return byDate != 0 ? byDate : b.StoryId.CompareTo(a.StoryId);
    }

    public static double Combine(double textCosine, StoryFeatures a, StoryFeatures b) =>
        Math.Round(textCosine + CategoryWeight * SetCosine(a.CategoryIds, b.CategoryIds) + TagWeight * SetCosine(a.TagIds, b.TagIds), 6);

    private static double SetCosine(IReadOnlyCollection<int> a, IReadOnlyCollection<int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var shared = a.Count(b.Contains);
        return shared / Math.Sqrt(a.Count * (double)b.Count);
    }

    private void AddPostings(int storyId, IEnumerable<WeightedTerm> terms)
    {
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term.Term, out var list))
            {
                _postings[term.Term] = list = [];
            }
            list.Add((storyId, term.Weight));
        }
    }

    private static List<int> Members(Dictionary<int, List<int>> members, int key)
    {
        if (!members.TryGetValue(key, out var list))
        {
            members[key] = list = [];
        }
        return list;
    }

    private void SortMembers()
    {
        if (_membersSorted)
        {
            return;
        }
        // Drafts cannot be related stories; the rest newest first, so the cap keeps the freshest.
        foreach (var list in _categoryMembers.Values.Concat(_tagMembers.Values))
        {
            list.RemoveAll(id => _stories[id].PublishedAt is null);
            list.Sort((x, y) => Compare(new RelatedScore(x, 0, _stories[x].PublishedAt!.Value), new RelatedScore(y, 0, _stories[y].PublishedAt!.Value)));
        }
        _membersSorted = true;
    }

    private static void AddMembers(HashSet<int> candidates, Dictionary<int, List<int>> members, IEnumerable<int> keys)
    {
        foreach (var key in keys)
        {
            if (members.TryGetValue(key, out var list))
            {
                candidates.UnionWith(list.Take(MembersPerTermSet));
            }
        }
    }
}
