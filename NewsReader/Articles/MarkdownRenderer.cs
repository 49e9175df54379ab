namespace NewsReader.Articles;

/// <summary>
/// The one Markdown pipeline of the site: the public story page, the editor's preview, imports and
/// the read time all go through it.
/// </summary>
public sealed class MarkdownRenderer
{
    // STUB: implemented in the pure-logic work.
    public string ToSafeHtml(string markdown) => throw new NotImplementedException();

    /// <summary>Counts the words, CJK characters and images of a story for the read time.</summary>
    public TextMeasure Measure(string title, string markdown) => throw new NotImplementedException();
}
