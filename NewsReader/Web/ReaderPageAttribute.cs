namespace NewsReader.Web;

/// <summary>
/// Marks a page that looks the same to every anonymous reader, so a shared cache may keep it: it
/// must set no cookie and carry no per-user token. The reader pages wear it; the admin and account
/// pages do not.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReaderPageAttribute : Attribute
{
    /// <summary>
    /// The page also shows the reader's own reaction (read from the reader cookie), so the cache
    /// keeps one copy for readers without that cookie and one per reader who has it.
    /// </summary>
    public bool VariesByReader { get; init; }
}
