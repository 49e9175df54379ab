using System.Collections.Concurrent;

namespace NewsReader.Stories;

/// <summary>The lists a reader pages through besides the home page.</summary>
public enum StoryListKind { Category, Tag, Author }

/// <summary>
/// The published stories of one moment, newest first, as positions in memory: page N of any list
/// is a slice of an array instead of an OFFSET walk over N × 20 index entries. Built by
/// <see cref="StoryPositions"/>; immutable apart from the term lists it fills in as they are asked for.
/// </summary>
/// <remarks>
/// At 1,000,000 stories the order is 4 MB and the rank of each id another 4 MB; a category, tag or
/// author list costs 4 bytes per story in it, and only once someone opens that list.
/// </remarks>
public sealed class StoryOrder
{
    private readonly int[] _newestFirst;
    private readonly int[] _rankById;
    private readonly ConcurrentDictionary<(StoryListKind Kind, int Id), int[]> _termRanks = new();

    public StoryOrder(int[] newestFirst, long generation, DateTimeOffset builtAt, DateTimeOffset validUntil)
    {
        _newestFirst = newestFirst;
        Generation = generation;
        BuiltAt = builtAt;
        ValidUntil = validUntil;
        var maxId = newestFirst.Length == 0 ? 0 : newestFirst.Max();
        _rankById = new int[maxId + 1];
        Array.Fill(_rankById, -1);
        for (var rank = 0; rank < newestFirst.Length; rank++)
        {
            _rankById[newestFirst[rank]] = rank;
        }
    }

    /// <summary>The story changes seen when this was built; a later change makes it stale.</summary>
    public long Generation { get; }

    public DateTimeOffset BuiltAt { get; }

    /// <summary>When the next scheduled story goes live (or the order is too old to trust for changes made by another process).</summary>
    public DateTimeOffset ValidUntil { get; }

    public int Count => _newestFirst.Length;

    /// <summary>Bytes held, for the record (arrays only).</summary>
    public long Size => 4L * (_newestFirst.Length + _rankById.Length + _termRanks.Values.Sum(r => (long)r.Length));

    public bool IsPublished(int id) => RankOf(id) >= 0;

    private int RankOf(int id) => id >= 0 && id < _rankById.Length ? _rankById[id] : -1;

    /// <summary>
    /// The ids at positions <paramref name="skip"/> onwards of the whole list with
    /// <paramref name="leaveOut"/> taken out of it (the home page's leads), at most <paramref name="take"/>.
    /// </summary>
    public List<int> Page(int skip, int take, IReadOnlyCollection<int> leaveOut)
    {
        var leftOutRanks = leaveOut.Select(RankOf).Where(r => r >= 0).Order().ToList();
        // Position skip of the shortened list is position skip + (left-out stories before it) of the whole.
        var before = 0;
        while (before < leftOutRanks.Count && leftOutRanks[before] <= skip + before)
        {
            before++;
        }
        var ids = new List<int>(take);
        for (var rank = skip + before; rank < _newestFirst.Length && ids.Count < take; rank++)
        {
            if (!leftOutRanks.Contains(rank))
            {
                ids.Add(_newestFirst[rank]);
            }
        }
        return ids;
    }

    /// <summary>How many of <paramref name="ids"/> are published, i.e. in the list.</summary>
    public int CountPublished(IEnumerable<int> ids) => ids.Count(IsPublished);

    /// <summary>The ranks of a term's published stories, newest first, or null if not built yet.</summary>
    public int[]? TermRanks(StoryListKind kind, int id) => _termRanks.GetValueOrDefault((kind, id));

    /// <summary>Keeps a term's list, made from the ids of all its stories (drafts and scheduled ones are dropped here).</summary>
    public int[] AddTerm(StoryListKind kind, int id, IEnumerable<int> storyIds)
    {
        var ranks = storyIds.Select(RankOf).Where(r => r >= 0).ToArray();
        Array.Sort(ranks);
        return _termRanks.GetOrAdd((kind, id), ranks);
    }

    /// <summary>The ids of a term list from <paramref name="skip"/>, at most <paramref name="take"/>.</summary>
    public List<int> TermPage(int[] ranks, int skip, int take)
    {
        var ids = new List<int>(take);
        for (var i = skip; i < ranks.Length && i < skip + take; i++)
        {
            ids.Add(_newestFirst[ranks[i]]);
        }
        return ids;
    }
}
