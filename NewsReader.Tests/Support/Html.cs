using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsReader.Tests.Support;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// The page at <paramref name="url"/>. A server error fails the test here: a 500 page has enough
    /// markup of its own that an assertion about what is missing from it could still pass.
    /// </summary>
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"GET {url} answered {(int)response.StatusCode}");
        return Parse(html);
    }

    public static string Text(this IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();
}

public static class AccessibleNames
{
    /// <summary>An element's name as assistive technology reads it: its text without aria-hidden parts.</summary>
    public static string AccessibleName(this AngleSharp.Dom.IElement element)
    {
        var clone = (AngleSharp.Dom.IElement)element.Clone(deep: true);
        foreach (var hidden in clone.QuerySelectorAll("[aria-hidden=true]").ToList())
        {
            hidden.Remove();
        }
        return System.Text.RegularExpressions.Regex.Replace(clone.TextContent, @"\s+", " ").Trim();
    }
}
