using Microsoft.AspNetCore.OutputCaching;
using NewsReader.Stories;

namespace NewsReader.Caching;

/// <summary>
/// The output-cache tags of reader pages. A page is tagged with everything it shows, so a change
/// evicts exactly the pages that showed what changed:
/// <list type="bullet">
/// <item><see cref="Story"/>: every page that shows a story — its own page, the pages that link to it
/// as related or previous/next, the lists that show its card.</item>
/// <item><see cref="StoryPage"/>: the story's own page only; a reaction changes nothing else.</item>
/// <item>lists (<see cref="Home"/>, <see cref="Category"/>, <see cref="Tag"/>, <see cref="Search"/>,
/// <see cref="Feeds"/>): where a newly published story appears.</item>
/// <item><see cref="AllReaderPages"/>: what every page shows (the category menu in the app bar).</item>
/// </list>
/// </summary>
public static class CacheTags
{
    public const string AllReaderPages = "reader";
    public const string Home = "list:home";
    public const string Search = "list:search";
    public const string Feeds = "feeds";

    public static string Story(int storyId) => $"story:{storyId}";

    public static string StoryPage(int storyId) => $"story-page:{storyId}";

    public static string Category(string slug) => $"category:{slug}";

    public static string Tag(string slug) => $"tag:{slug}";

    /// <summary>An author's page and feed; the stories that show their byline carry <see cref="Story"/>.</summary>
    public static string Author(string slug) => $"author:{slug}";

    public static string Term(TermKind kind, string slug) => kind == TermKind.Category ? Category(slug) : Tag(slug);

    /// <summary>
    /// Tags the response being rendered, if the output cache is looking at it. Pages call this as they
    /// load what they show; the tags are read when the finished response is stored.
    /// </summary>
    public static void Add(HttpContext? httpContext, params IEnumerable<string> tags)
    {
        if (httpContext?.Features.Get<IOutputCacheFeature>()?.Context is not { } context)
        {
            return;
        }
        foreach (var tag in tags)
        {
            context.Tags.Add(tag);
        }
    }
}
