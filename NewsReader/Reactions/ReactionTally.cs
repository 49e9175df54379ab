using System.Globalization;
using NewsReader.Data;

namespace NewsReader.Reactions;

/// <summary>A story's reaction counts and, when the reader has reacted, their own choice.</summary>
public sealed record ReactionTally(IReadOnlyDictionary<ReactionKind, int> Counts, ReactionKind? OwnChoice = null)
{
    public static ReactionTally None { get; } = new(new Dictionary<ReactionKind, int>());

    public int Total => Counts.Values.Sum();

    public int CountOf(ReactionKind kind) => Counts.GetValueOrDefault(kind);

    public int PercentOf(ReactionKind kind) => Percent(CountOf(kind), Total);

    /// <summary>"No responses yet", "1 response", "1,234 responses".</summary>
    public string TotalLabel => Total switch
    {
        0 => "No responses yet",
        1 => "1 response",
        var n => $"{n.ToString("N0", CultureInfo.InvariantCulture)} responses",
    };

    /// <summary>
    /// A whole-percent share, rounded half away from zero (1 of 8 is 12.5 → 13%), in integers so that
    /// no floating-point error can tip a half; 0 when there is no total.
    /// </summary>
    public static int Percent(int count, int total)
    {
        if (total <= 0 || count <= 0)
        {
            return 0;
        }
        return (int)((200L * count + total) / (2L * total));
    }
}
