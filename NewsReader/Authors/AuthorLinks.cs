using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Authors;

/// <summary>Turns the names a story is saved with into authors: the existing ones, matched by name ignoring case, or new ones.</summary>
public static class AuthorLinks
{
    /// <summary>
    /// The tracked authors of these names, in their order; names no author has yet get a new
    /// author (added when the context saves) with a slug no other author has.
    /// </summary>
    public static async Task<List<Author>> ResolveAsync(NewsDbContext db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var authors = new List<Author>();
        var newSlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in AuthorNames.Clean(names))
        {
            // A name's slug is the same whatever its case, so its author (or a namesake's "-2") is among these;
            // so is an author whose slug was made otherwise (by the migration, or edited) under this very name.
            var slug = AuthorNames.BaseSlug(name);
            var prefix = slug + "-";
            var candidates = await db.Authors
                .Where(a => a.Slug == slug || a.Slug.StartsWith(prefix) || a.Name == name)
                .ToListAsync(cancellationToken);
            var match = candidates.Find(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? authors.Find(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                var unique = AuthorNames.UniqueSlug(name, s => newSlugs.Contains(s) || candidates.Exists(a => a.Slug == s));
                newSlugs.Add(unique);
                match = new Author { Name = name, Slug = unique };
                db.Authors.Add(match);
            }
            authors.Add(match);
        }
        return authors;
    }

    /// <summary>Makes the story's links name exactly these authors, in this order.</summary>
    public static void Link(Story story, IReadOnlyList<Author> authors)
    {
        story.Authors.RemoveAll(link => !authors.Contains(link.Author!));
        for (var position = 0; position < authors.Count; position++)
        {
            var link = story.Authors.Find(l => l.Author == authors[position]);
            if (link is null)
            {
                story.Authors.Add(new StoryAuthor { Author = authors[position], Position = position });
            }
            else
            {
                link.Position = position;
            }
        }
    }

    /// <summary>The story's author names in byline order; the story's links and their authors must be loaded.</summary>
    public static List<string> NamesOf(Story story) =>
        story.Authors.OrderBy(l => l.Position).Select(l => l.Author!.Name).ToList();
}
