namespace NewsReader.Web;

/// <summary>
/// Marks a page that looks the same to every anonymous reader, so a shared cache may keep it: it
/// must set no cookie and carry no per-user token. The reader pages wear it; the admin and account
/// pages do not.
/// </summary>
/// <param name="query">
/// The query parameters the page reads (<c>page</c>, <c>q</c>). The cache tells copies apart by these
/// alone, as the page reads them; any other parameter (a tracking tag, an attacker's padding) changes
/// nothing on the page, so it must not make another copy.
/// </param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReaderPageAttribute(params string[] query) : Attribute
{
    public IReadOnlyList<string> Query { get; } = query;

    /// <summary>
    /// The page also shows the reader's own reaction (read from the reader cookie), so the cache
    /// keeps one copy for readers without a valid reader cookie and one per reader who has one.
    /// </summary>
    public bool VariesByReader { get; init; }
}
