using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Articles;

public enum UpsertOutcome
{
    Inserted,
    Updated,
    Unchanged,
}

/// <param name="KeptPublishDate">The input had no publish date and the stored one was kept (see UpsertBySlugAsync).</param>
public sealed record UpsertResult(UpsertOutcome Outcome, int ArticleId, bool KeptPublishDate = false);

/// <summary>Saves stories: renders and measures the body once, on save, and keeps categories and tags unique by slug.</summary>
public sealed class ArticleService(
    IDbContextFactory<NewsDbContext> dbFactory,
    MarkdownRenderer markdown,
    TimeProvider clock)
{
    /// <summary>Who the revisions written by an import are from, as editors see it in the revision list.</summary>
    public const string ImportUser = "import";

    /// <summary>
    /// Inserts the story, or updates the one with the same slug. The input must be valid. The caller
    /// tells <see cref="ArticleChanges"/> afterwards, so that a batch is announced once.
    /// </summary>
    public Task<UpsertResult> UpsertBySlugAsync(ArticleInput input, CancellationToken cancellationToken) =>
        UpsertBySlugAsync(input, keepPublishDate: false, cancellationToken);

    /// <summary>
    /// <see cref="UpsertBySlugAsync(ArticleInput, CancellationToken)"/>; an update first keeps the
    /// story as it was as a revision, so an editor's work replaced by a file can be restored. With
    /// <paramref name="keepPublishDate"/>, an input without a publish date keeps the stored one:
    /// a story file that does not say <c>published:</c> never takes a story off the site.
    /// </summary>
    public async Task<UpsertResult> UpsertBySlugAsync(ArticleInput input, bool keepPublishDate, CancellationToken cancellationToken)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(ValidationError.Join(errors), nameof(input));
        }

        var slug = input.EffectiveSlug;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles
            .Include(a => a.Categories).ThenInclude(l => l.Category)
            .Include(a => a.Tags).ThenInclude(l => l.Tag)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        if (article is null)
        {
            article = new Article { Title = "", Slug = slug, CreatedAt = now };
            db.Articles.Add(article);
            await ApplyAsync(db, article, input, cancellationToken);
            article.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new UpsertResult(UpsertOutcome.Inserted, article.Id);
        }

        var keptPublishDate = keepPublishDate && input.PublishedAt is null && article.PublishedAt is not null;
        if (keptPublishDate)
        {
            input = input with { PublishedAt = article.PublishedAt };
        }
        if (IsSameAs(article, input))
        {
            return new UpsertResult(UpsertOutcome.Unchanged, article.Id, keptPublishDate);
        }

        // Added before the story changes, so it holds the previous version; one SaveChanges writes
        // both in one transaction.
        db.ArticleRevisions.Add(Editing.StoryRevisions.RevisionOf(article, ImportUser, "Before import", now));
        await ApplyAsync(db, article, input, cancellationToken);
        article.UpdatedAt = now;
        article.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return new UpsertResult(UpsertOutcome.Updated, article.Id, keptPublishDate);
    }

    /// <summary>
    /// Copies a valid input onto a tracked story: renders and measures the body, and links the
    /// categories and tags, creating the ones that do not exist yet. Shared by the importer's upsert
    /// and the editor (NewsReader.Editing.StoryStore), which adds versions, revisions and slug
    /// history around it. Timestamps and the version are the caller's.
    /// </summary>
    internal async Task ApplyAsync(NewsDbContext db, Article article, ArticleInput input, CancellationToken cancellationToken)
    {
        article.Title = input.Title.Trim();
        article.Slug = input.EffectiveSlug;
        article.Summary = input.Summary.Trim();
        article.Author = input.Author.Trim();
        article.Body = NormalizeBody(input.Body);
        article.LeadImage = string.IsNullOrWhiteSpace(input.LeadImage) ? null : input.LeadImage.Trim();
        article.PublishedAt = input.PublishedAt;
        // One parse gives both: a 1 MB body costs seconds, and a save should pay for it once.
        (article.BodyHtml, var measure) = markdown.RenderAndMeasure(article.Title, article.Body);
        article.WordCount = measure.Words;
        article.CjkCharacterCount = measure.CjkCharacters;
        article.ImageCount = measure.Images;

        var categories = await ResolveTermsAsync(db.Categories, input.Categories,
            (name, slug) => new Category { Name = name, Slug = slug }, cancellationToken);
        article.Categories.RemoveAll(link => !categories.Contains(link.Category!));
        for (var position = 0; position < categories.Count; position++)
        {
            var link = article.Categories.Find(l => l.Category == categories[position]);
            if (link is null)
            {
                article.Categories.Add(new ArticleCategory { Category = categories[position], Position = position });
            }
            else
            {
                link.Position = position;
            }
        }

        var tags = await ResolveTermsAsync(db.Tags, input.Tags,
            (name, slug) => new Tag { Name = name, Slug = slug }, cancellationToken);
        article.Tags.RemoveAll(link => !tags.Contains(link.Tag!));
        for (var position = 0; position < tags.Count; position++)
        {
            var link = article.Tags.Find(l => l.Tag == tags[position]);
            if (link is null)
            {
                article.Tags.Add(new ArticleTag { Tag = tags[position], Position = position });
            }
            else
            {
                link.Position = position;
            }
        }
    }

    // Browsers send text areas with CRLF; story files are read with LF. One form keeps export →
    // import a no-op whichever way a body arrived.
    private static string NormalizeBody(string body) => body.ReplaceLineEndings("\n");

    private static bool IsSameAs(Article article, ArticleInput input) =>
        article.Title == input.Title.Trim()
        && article.Summary == input.Summary.Trim()
        && article.Author == input.Author.Trim()
        && article.Body == NormalizeBody(input.Body)
        && article.LeadImage == (string.IsNullOrWhiteSpace(input.LeadImage) ? null : input.LeadImage.Trim())
        && article.PublishedAt == input.PublishedAt
        && SameTerms(article.Categories.OrderBy(l => l.Position).Select(l => l.Category!.Slug), input.Categories)
        && SameTerms(article.Tags.OrderBy(l => l.Position).Select(l => l.Tag!.Slug), input.Tags);

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
