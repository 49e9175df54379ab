using Microsoft.EntityFrameworkCore;
using NewsReader.Authors;
using NewsReader.Data;
using NewsReader.Media;

namespace NewsReader.Stories;

public enum UpsertOutcome
{
    Inserted,
    Updated,
    Unchanged,
}

/// <param name="KeptPublishDate">The input had no publish date and the stored one was kept (see UpsertBySlugAsync).</param>
public sealed record UpsertResult(UpsertOutcome Outcome, int StoryId, bool KeptPublishDate = false);

/// <summary>Saves stories: renders and measures the body once, on save, and keeps categories and tags unique by slug.</summary>
public sealed class StoryWriter(
    IDbContextFactory<NewsDbContext> dbFactory,
    MarkdownRenderer markdown,
    MediaPictures mediaPictures,
    TimeProvider clock)
{
    /// <summary>Who the revisions written by an import are from, as editors see it in the revision list.</summary>
    public const string ImportUser = "import";

    /// <summary>
    /// Inserts the story, or updates the one with the same slug. The input must be valid. The caller
    /// tells <see cref="StoryChanges"/> afterwards, so that a batch is announced once.
    /// </summary>
    public Task<UpsertResult> UpsertBySlugAsync(StoryInput input, CancellationToken cancellationToken) =>
        UpsertBySlugAsync(input, keepPublishDate: false, cancellationToken);

    /// <summary>
    /// <see cref="UpsertBySlugAsync(StoryInput, CancellationToken)"/>; an update first keeps the
    /// story as it was as a revision, so an editor's work replaced by a file can be restored. With
    /// <paramref name="keepPublishDate"/>, an input without a publish date keeps the stored one:
    /// a story file that does not say <c>published:</c> never takes a story off the site.
    /// </summary>
    public async Task<UpsertResult> UpsertBySlugAsync(StoryInput input, bool keepPublishDate, CancellationToken cancellationToken)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(ValidationError.Join(errors), nameof(input));
        }

        var slug = input.EffectiveSlug;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var story = await db.Stories
            .Include(a => a.Categories).ThenInclude(l => l.Category)
            .Include(a => a.Tags).ThenInclude(l => l.Tag)
            .Include(a => a.Authors).ThenInclude(l => l.Author)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        if (story is null)
        {
            story = new Story { Title = "", Slug = slug, CreatedAt = now };
            db.Stories.Add(story);
            await ApplyAsync(db, story, input, cancellationToken);
            story.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new UpsertResult(UpsertOutcome.Inserted, story.Id);
        }

        var keptPublishDate = keepPublishDate && input.PublishedAt is null && story.PublishedAt is not null;
        if (keptPublishDate)
        {
            input = input with { PublishedAt = story.PublishedAt };
        }
        if (IsSameAs(story, input))
        {
            return new UpsertResult(UpsertOutcome.Unchanged, story.Id, keptPublishDate);
        }

        // Added before the story changes, so it holds the previous version; one SaveChanges writes
        // both in one transaction.
        db.StoryRevisions.Add(Editing.StoryRevisions.RevisionOf(story, ImportUser, "Before import", now));
        await ApplyAsync(db, story, input, cancellationToken);
        story.UpdatedAt = now;
        story.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return new UpsertResult(UpsertOutcome.Updated, story.Id, keptPublishDate);
    }

    /// <summary>
    /// Copies a valid input onto a tracked story: renders and measures the body, and links the
    /// categories and tags, creating the ones that do not exist yet. Shared by the importer's upsert
    /// and the editor (NewsReader.Editing.StoryStore), which adds versions, revisions and slug
    /// history around it. Timestamps and the version are the caller's.
    /// </summary>
    internal async Task ApplyAsync(NewsDbContext db, Story story, StoryInput input, CancellationToken cancellationToken)
    {
        story.Title = input.Title.Trim();
        story.Slug = input.EffectiveSlug;
        story.Summary = input.Summary.Trim();
        story.Body = NormalizeBody(input.Body);
        story.LeadImage = string.IsNullOrWhiteSpace(input.LeadImage) ? null : input.LeadImage.Trim();
        story.PublishedAt = input.PublishedAt;
        // One parse gives both: a 1 MB body costs seconds, and a save should pay for it once.
        (var html, var measure) = markdown.RenderAndMeasure(story.Title, story.Body);
        story.BodyHtml = await WithPicturesAsync(html, cancellationToken);
        story.WordCount = measure.Words;
        story.CjkCharacterCount = measure.CjkCharacters;
        story.ImageCount = measure.Images;

        AuthorLinks.Link(story, await AuthorLinks.ResolveAsync(db, input.Authors, cancellationToken));

        var categories = await ResolveTermsAsync(db.Categories, input.Categories,
            (name, slug) => new Category { Name = name, Slug = slug }, cancellationToken);
        story.Categories.RemoveAll(link => !categories.Contains(link.Category!));
        for (var position = 0; position < categories.Count; position++)
        {
            var link = story.Categories.Find(l => l.Category == categories[position]);
            if (link is null)
            {
                story.Categories.Add(new StoryCategory { Category = categories[position], Position = position });
            }
            else
            {
                link.Position = position;
            }
        }

        var tags = await ResolveTermsAsync(db.Tags, input.Tags,
            (name, slug) => new Tag { Name = name, Slug = slug }, cancellationToken);
        story.Tags.RemoveAll(link => !tags.Contains(link.Tag!));
        for (var position = 0; position < tags.Count; position++)
        {
            var link = story.Tags.Find(l => l.Tag == tags[position]);
            if (link is null)
            {
                story.Tags.Add(new StoryTag { Tag = tags[position], Position = position });
            }
            else
            {
                link.Position = position;
            }
        }
    }

    // Browsers send text areas with CRLF; story files are read with LF. One form keeps export →
    // import a no-op whichever way a body arrived.
    /// <summary>
    /// Writes the stored HTML of these stories again, from their unchanged Markdown: a picture they
    /// show was described anew. Versions stay: nothing an editor wrote changed.
    /// </summary>
    public async Task RenderAgainAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var story in await db.Stories.Where(s => storyIds.Contains(s.Id)).ToListAsync(cancellationToken))
        {
            story.BodyHtml = await WithPicturesAsync(markdown.ToSafeHtml(story.Body), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string> WithPicturesAsync(string html, CancellationToken cancellationToken) =>
        MediaUrls.HashesIn(html) is { Count: > 0 } hashes
            ? StoryPictures.WithResponsiveMarkup(html, await mediaPictures.FindAsync(hashes, cancellationToken))
            : html;

    private static string NormalizeBody(string body) => body.ReplaceLineEndings("\n");

    private static bool IsSameAs(Story story, StoryInput input) =>
        story.Title == input.Title.Trim()
        && story.Summary == input.Summary.Trim()
        // Authors are matched by name ignoring case, so "ANA FERREIRA" in a file is the same byline.
        && AuthorLinks.NamesOf(story).SequenceEqual(AuthorNames.Clean(input.Authors), StringComparer.OrdinalIgnoreCase)
        && story.Body == NormalizeBody(input.Body)
        && story.LeadImage == (string.IsNullOrWhiteSpace(input.LeadImage) ? null : input.LeadImage.Trim())
        && story.PublishedAt == input.PublishedAt
        && SameTerms(story.Categories.OrderBy(l => l.Position).Select(l => l.Category!.Slug), input.Categories)
        && SameTerms(story.Tags.OrderBy(l => l.Position).Select(l => l.Tag!.Slug), input.Tags);

    private static bool SameTerms(IEnumerable<string> currentSlugs, IEnumerable<string> names) =>
        currentSlugs.SequenceEqual(TermsBySlug(names).Keys);

    /// <summary>Distinct, trimmed names keyed by slug; the first spelling of a name wins.</summary>
    private static Dictionary<string, string> TermsBySlug(IEnumerable<string> names)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            terms.TryAdd(Slug.From(name), name);
        }
        return terms;
    }

    private static async Task<List<TTerm>> ResolveTermsAsync<TTerm>(
        DbSet<TTerm> terms, IEnumerable<string> names, Func<string, string, TTerm> create, CancellationToken cancellationToken)
        where TTerm : class, ITerm
    {
        var wanted = TermsBySlug(names);
        var slugs = wanted.Keys.ToList();
        var existing = await terms.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, cancellationToken);
        return wanted.Select(pair => existing.GetValueOrDefault(pair.Key) ?? create(pair.Value, pair.Key)).ToList();
    }
}
