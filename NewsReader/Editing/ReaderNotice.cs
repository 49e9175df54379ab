using NewsReader.Data;
using NewsReader.Stories;

namespace NewsReader.Editing;

/// <summary>
/// What an editor tells readers about a change to a published story: whether to show "Updated …"
/// under the byline, and a correction note (Markdown) for the end of the story. Typo fixes say
/// nothing, so a story's "Updated" time is not its last save.
/// </summary>
public sealed record ReaderNotice(bool NotifyReaders, string Correction)
{
    public static readonly ReaderNotice None = new(false, "");

    public IReadOnlyList<ValidationError> Validate() =>
        Correction.Trim().Length > StoryLimits.CorrectionLength
            ? [new(StoryField.Correction, $"The correction must be at most {StoryLimits.CorrectionLength} characters.")]
            : [];

    /// <summary>
    /// Applies the notice to a story being saved at <paramref name="now"/>. A new or changed
    /// correction is news to readers, so it counts as "notify" too; only a story readers could
    /// already see gets an "Updated" time (a first publication is not an update).
    /// </summary>
    public void ApplyTo(Story story, bool wasLive, DateTime now, MarkdownRenderer markdown)
    {
        var correction = Correction.Trim().ReplaceLineEndings("\n");
        var correctionChanged = correction != story.Correction;
        if (correctionChanged)
        {
            story.Correction = correction;
            story.CorrectionHtml = correction.Length == 0 ? "" : markdown.ToSafeHtml(correction);
        }
        var isLive = story.PublishedAt <= now;
        if (wasLive && isLive && (NotifyReaders || (correctionChanged && correction.Length > 0)))
        {
            story.NotifiedUpdateAt = now;
        }
    }
}
