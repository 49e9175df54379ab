using System.Collections.Concurrent;
using System.Text;
using NewsReader.Stories;

namespace NewsReader.Demo;

/// <summary>
/// The HTML of generated bodies, made from each distinct block's HTML rendered once. A body that
/// is blocks separated by blank lines renders to its blocks' HTML one after another (Markdig ends
/// every block with a line break, and the sanitiser keeps that text as it is), so the result is
/// what <see cref="MarkdownRenderer.ToSafeHtml"/> makes of the whole body; a test holds it to that.
/// At a million stories rendering each body (the sanitiser most of it) was most of the seed's CPU.
/// </summary>
public sealed class BlockHtml(MarkdownRenderer markdown)
{
    private readonly ConcurrentDictionary<string, string> _htmlByBlock = new(StringComparer.Ordinal);

    public string Compose(IReadOnlyList<string> blocks)
    {
        var html = new StringBuilder();
        foreach (var block in blocks)
        {
            html.Append(_htmlByBlock.GetOrAdd(block, b => markdown.ToSafeHtml(b + "\n\n")));
        }
        return html.ToString();
    }
}
