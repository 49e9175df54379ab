namespace NewsReader.Authors;

/// <summary>The addresses of an author's page and feed.</summary>
public static class AuthorPaths
{
    public static string Page(string slug) => "/authors/" + Uri.EscapeDataString(slug);

    public static string Page(string slug, int page) => page <= 1 ? Page(slug) : $"{Page(slug)}?page={page}";

    public static string Feed(string slug) => Page(slug) + "/feed.xml";
}
