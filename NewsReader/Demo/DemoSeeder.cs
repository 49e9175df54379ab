using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsReader.Articles;
using NewsReader.Data;

namespace NewsReader.Demo;

/// <summary>
/// Adds generated stories in large batches for benchmarks (`seed-demo --count N`). Bodies are
/// rendered and measured by the same MarkdownRenderer as real stories; categories and tags are
/// created once up front so each batch inserts plain rows.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<NewsDbContext> dbFactory,
    MarkdownRenderer markdown,
    ArticleChanges changes,
    TimeProvider clock)
{
    private const int BatchSize = 2000;

    public async Task<(int Added, TimeSpan Elapsed)> SeedAsync(int count, int seed, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var generator = new DemoStoryGenerator(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        int firstNumber;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            firstNumber = await db.Articles.CountAsync(cancellationToken) + 1;
        }

        var categoryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var newIds = new List<int>(count);
        for (var start = 0; start < count; start += BatchSize)
        {
            var size = Math.Min(BatchSize, count - start);
            var inputs = Enumerable.Range(firstNumber + start, size).Select(n => generator.Next(n, now)).ToList();
            var articles = new Article[size];
            Parallel.For(0, size, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                articles[i] = ToArticle(inputs[i], now));

            await EnsureTermsAsync(inputs, categoryIds, tagIds, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < size; i++)
            {
                articles[i].Categories = inputs[i].Categories.Select((name, position) =>
                    new ArticleCategory { CategoryId = categoryIds[Slug.From(name)], Position = position }).ToList();
                articles[i].Tags = inputs[i].Tags.Select((name, position) =>
                    new ArticleTag { TagId = tagIds[Slug.From(name)], Position = position }).ToList();
            }
            db.Articles.AddRange(articles);
            await db.SaveChangesAsync(cancellationToken);
            newIds.AddRange(articles.Select(a => a.Id));
        }

        await changes.PublishAsync(newIds, cancellationToken);
        return (count, stopwatch.Elapsed);
    }

    private Article ToArticle(ArticleInput input, DateTime now)
    {
        var measure = markdown.Measure(input.Title, input.Body);
        return new Article
        {
            Title = input.Title,
            Slug = input.EffectiveSlug,
            Summary = input.Summary,
            Author = input.Author,
            Body = input.Body,
            BodyHtml = markdown.ToSafeHtml(input.Body),
            WordCount = measure.Words,
            CjkCharacterCount = measure.CjkCharacters,
            ImageCount = measure.Images,
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = input.PublishedAt,
        };
    }

    private async Task EnsureTermsAsync(
        List<ArticleInput> inputs, Dictionary<string, int> categoryIds, Dictionary<string, int> tagIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var name in inputs.SelectMany(i => i.Categories).Distinct().Where(n => !categoryIds.ContainsKey(Slug.From(n))))
        {
            var slug = Slug.From(name);
            var existing = await db.Categories.FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
            if (existing is null)
            {
                existing = new Category { Name = name, Slug = slug };
                db.Categories.Add(existing);
                await db.SaveChangesAsync(cancellationToken);
            }
            categoryIds[slug] = existing.Id;
        }
        foreach (var name in inputs.SelectMany(i => i.Tags).Distinct().Where(n => !tagIds.ContainsKey(Slug.From(n))))
        {
            var slug = Slug.From(name);
            var existing = await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
            if (existing is null)
            {
                existing = new Tag { Name = name, Slug = slug };
                db.Tags.Add(existing);
                await db.SaveChangesAsync(cancellationToken);
            }
            tagIds[slug] = existing.Id;
        }
    }
}
