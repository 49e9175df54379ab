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
/// <para>Score = text cosine + <see cref="CategoryWeight"/> × category overlap + <see cref="TagWeight"/>
/// × tag overlap, each overlap a cosine of the two sets (1 when they are equal). What a story is
/// about is in its words; sections and tags are given by desk and format ("Science", "analysis")
/// and join stories on unrelated subjects, so together they add at most 0.015: enough to order
/// stories whose texts are about equally close, never enough to lift a story over one that shares
/// more of its subject. A story sharing only labels still scores above zero, so it can fill a list
/// that text alone leaves short. Ties go to the newer story, then the higher id.</para>
/// <para>Candidates come from the postings of the story's terms, each posting list read in order of
/// weight and only its first <see cref="PostingsPerTerm"/> entries, so that a term shared by half
/// the archive costs no more than a rare one; the best <see cref="TextCandidates"/> of them, and the
/// newest stories of the story's categories and tags, are then scored exactly. Below those sizes
/// (every small site) the ranking is exhaustive.</para>
/// </remarks>
public sealed class RelatedIndex : IDisposable
{
    // Tags are narrower than categories, so a shared one counts for more; both stay below the
    // differences between text cosines that mean anything (a few hundredths).
    public const double CategoryWeight = 0.005;
    public const double TagWeight = 0.01;

    /// <summary>Stories sharing only a category or a tag are candidates up to this many per category or tag, newest first.</summary>
    public const int MembersPerTermSet = 25;

    public const int PostingsPerTerm = 200;
    public const int TextCandidates = 100;

    private readonly Dictionary<int, Entry> _stories = [];
    private readonly List<Entry> _slots = [];
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<List<(int Slot, float Weight)>> _postings = [];
    private readonly ThreadLocal<Accumulator> _accumulators = new(() => new Accumulator());
    private readonly Dictionary<int, List<int>> _categoryMembers = [];
    private readonly Dictionary<int, List<int>> _tagMembers = [];
    private bool _prepared = true;

    private sealed record Entry(StoryFeatures Features, int Slot, int[] TermIds, float[] Weights);

    /// <summary>Per-thread scratch space for one ranking: a score per slot and the slots touched.</summary>
    private sealed class Accumulator
    {
        public double[] Scores = [];
        public readonly List<int> Touched = [];
    }

    public int Count => _stories.Count;

    public void Dispose() => _accumulators.Dispose();

    public bool Contains(int storyId) => _stories.ContainsKey(storyId);

    /// <summary>Adds a story, or merges more of its terms into one already added.</summary>
    public void Add(StoryFeatures story)
    {
        if (_stories.TryGetValue(story.Id, out var existing))
        {
            var known = existing.Features.Terms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            var extra = story.Terms.Where(t => !known.Contains(t.Term)).ToList();
            if (extra.Count > 0)
            {
                var merged = ToEntry(existing.Features with { Terms = [.. existing.Features.Terms, .. extra] }, existing.Slot);
                _stories[story.Id] = merged;
                _slots[existing.Slot] = merged;
                AddPostings(existing.Slot, extra);
            }
            return;
        }

        var entry = ToEntry(story, _slots.Count);
        _stories[story.Id] = entry;
        _slots.Add(entry);
        AddPostings(entry.Slot, story.Terms);
        foreach (var category in story.CategoryIds)
        {
            Members(_categoryMembers, category).Add(story.Id);
        }
        foreach (var tag in story.TagIds)
        {
            Members(_tagMembers, tag).Add(story.Id);
        }
        _prepared = false;
    }

    /// <summary>Orders postings and members once; after it, <see cref="Rank"/> may run on many threads.</summary>
    public void Prepare()
    {
        if (_prepared)
        {
            return;
        }
        foreach (var postings in _postings)
        {
            postings.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : b.Slot.CompareTo(a.Slot));
        }
        // Drafts cannot be related stories; the rest newest first, so the cap keeps the freshest.
        foreach (var list in _categoryMembers.Values.Concat(_tagMembers.Values))
        {
            list.RemoveAll(id => _stories[id].Features.PublishedAt is null);
            list.Sort((x, y) => Compare(Dated(x), Dated(y)));
        }
        _prepared = true;
    }

    /// <summary>
    /// The published or scheduled stories related to <paramref name="storyId"/> with a score above
    /// zero, best first; never the story itself, never a draft.
    /// </summary>
    public IReadOnlyList<RelatedScore> Rank(int storyId)
    {
        if (!_stories.TryGetValue(storyId, out var story))
        {
            return [];
        }
        Prepare();

        var candidates = TextCandidatesOf(story);
        AddMembers(candidates, _categoryMembers, story.Features.CategoryIds);
        AddMembers(candidates, _tagMembers, story.Features.TagIds);
        candidates.Remove(storyId);

        var ranked = new List<RelatedScore>(candidates.Count);
        foreach (var id in candidates)
        {
            var other = _stories[id];
            if (other.Features.PublishedAt is not { } publishedAt)
            {
                continue;
            }
            var score = Combine(Dot(story, other), story.Features, other.Features);
            if (score > 0)
            {
                ranked.Add(new RelatedScore(id, score, publishedAt));
            }
        }
        ranked.Sort(Compare);
        return ranked;
    }

    /// <summary>The stories with the largest partial dot products over the first postings of the story's terms.</summary>
    private HashSet<int> TextCandidatesOf(Entry story)
    {
        var accumulator = _accumulators.Value!;
        if (accumulator.Scores.Length < _slots.Count)
        {
            accumulator.Scores = new double[_slots.Count];
        }
        var scores = accumulator.Scores;
        var touched = accumulator.Touched;
        for (var i = 0; i < story.TermIds.Length; i++)
        {
            var postings = _postings[story.TermIds[i]];
            var weight = story.Weights[i];
            for (var p = 0; p < postings.Count && p < PostingsPerTerm; p++)
            {
                var (slot, otherWeight) = postings[p];
                if (scores[slot] == 0)
                {
                    touched.Add(slot);
                }
                scores[slot] += (double)weight * otherWeight;
            }
        }

        // A min-heap of the best so far: a slot only gets in by beating the weakest.
        var best = new PriorityQueue<int, (double Score, int Slot)>(TextCandidates);
        foreach (var slot in touched)
        {
            var entry = (scores[slot], slot);
            if (best.Count < TextCandidates)
            {
                best.Enqueue(slot, entry);
            }
            else if (best.TryPeek(out _, out var weakest) && entry.CompareTo(weakest) > 0)
            {
                best.EnqueueDequeue(slot, entry);
            }
            scores[slot] = 0;
        }
        touched.Clear();

        var candidates = new HashSet<int>(best.Count);
        while (best.TryDequeue(out var slot, out _))
        {
            candidates.Add(_slots[slot].Features.Id);
        }
        return candidates;
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

    /// <summary>The exact cosine: a merge of the two term lists, both sorted by term id.</summary>
    private static double Dot(Entry a, Entry b)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < a.TermIds.Length && j < b.TermIds.Length)
        {
            var difference = a.TermIds[i] - b.TermIds[j];
            if (difference == 0)
            {
                sum += (double)a.Weights[i++] * b.Weights[j++];
            }
            else if (difference < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return sum;
    }

    private RelatedScore Dated(int id) => new(id, 0, _stories[id].Features.PublishedAt!.Value);

    private Entry ToEntry(StoryFeatures story, int slot)
    {
        var terms = story.Terms.Select(t => (Id: TermId(t.Term), t.Weight)).OrderBy(t => t.Id).ToArray();
        return new Entry(story, slot, terms.Select(t => t.Id).ToArray(), terms.Select(t => t.Weight).ToArray());
    }

    private int TermId(string term)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            _termIds[term] = id = _postings.Count;
            _postings.Add([]);
        }
        return id;
    }

    private void AddPostings(int slot, IEnumerable<WeightedTerm> terms)
    {
        foreach (var term in terms)
        {
            _postings[TermId(term.Term)].Add((slot, term.Weight));
        }
        _prepared = false;
    }

    private static List<int> Members(Dictionary<int, List<int>> members, int key)
    {
        if (!members.TryGetValue(key, out var list))
        {
            members[key] = list = [];
        }
        return list;
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
