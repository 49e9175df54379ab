namespace NewsReader.Articles;

/// <summary>Turns titles and names into URL slugs: lower case ASCII, digits and single hyphens.</summary>
public static class Slug
{
    public const int MaxLength = 100;

    // STUB: implemented in the pure-logic work.
    public static string From(string text) => throw new NotImplementedException();
}
