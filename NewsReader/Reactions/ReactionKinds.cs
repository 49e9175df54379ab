using NewsReader.Data;

namespace NewsReader.Reactions;

/// <summary>One of the six reactions as readers see it and as the form sends it.</summary>
public sealed record ReactionChoice(ReactionKind Kind, string Word, string Emoji, string FormValue);

/// <summary>The six reactions in the order the block shows them.</summary>
public static class ReactionKinds
{
    public static IReadOnlyList<ReactionChoice> All { get; } =
    [
        new(ReactionKind.Happy, "Happy", "😀", "happy"),
        new(ReactionKind.Sad, "Sad", "😢", "sad"),
        new(ReactionKind.Excited, "Excited", "🤩", "excited"),
        new(ReactionKind.Sleepy, "Sleepy", "😴", "sleepy"),
        new(ReactionKind.Angry, "Angry", "😠", "angry"),
        new(ReactionKind.Surprise, "Surprise", "😲", "surprise"),
    ];

    /// <summary>Reads the form's <c>kind</c> field; only the six exact lower-case values are accepted.</summary>
    public static bool TryParse(string? formValue, out ReactionKind kind)
    {
        foreach (var choice in All)
        {
            if (string.Equals(choice.FormValue, formValue, StringComparison.Ordinal))
            {
                kind = choice.Kind;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
