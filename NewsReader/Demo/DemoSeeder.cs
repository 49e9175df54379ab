using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsReader.Authors;
using NewsReader.Stories;
using NewsReader.Data;

namespace NewsReader.Demo;

/// <summary>
/// Adds generated stories in large batches for benchmarks (`seed-demo --count N`). Bodies are
/// rendered and measured by the same MarkdownRenderer as real stories; categories and tags are
/// created once up front so each batch inserts plain rows.
/// </summary>
/// <remarks>
/// Rows are written with prepared statements in one transaction per batch rather than through EF
/// change tracking: at 100,000 stories (and half a million link rows) tracking and one generated
/// command per entity cost minutes, the statements seconds. The search index still follows through
/// the Stories triggers, and related stories through <see cref="StoryChanges"/> as for any save.
/// While one batch is written the next is generated and rendered on the other core.
/// </remarks>
public sealed class DemoSeeder(
    IDbContextFactory<NewsDbContext> dbFactory,
    MarkdownRenderer markdown,
    StoryChanges changes,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    private const int BatchSize = 2000;
    private const int RenderChunk = 250;

    /// <summary>Up to this many new stories, their related stories are computed before the command ends.</summary>
    public const int ImmediateRelatedLimit = 5000;

    // The text form EF Core's SQLite provider stores DateTime and Guid in; reader queries compare
    // these strings, so they must be byte-for-byte what a save through EF would write.
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public async Task<(int Added, TimeSpan Elapsed)> SeedAsync(
        int count, int seed, CancellationToken cancellationToken, IProgress<(int Done, int Total)>? progress = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var generator = new DemoStoryGenerator(seed);
        var blockHtml = new BlockHtml(markdown);
        var now = clock.GetUtcNow().UtcDateTime;
        int firstNumber;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            firstNumber = await db.Stories.CountAsync(cancellationToken) + 1;
        }

        var categoryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var authorIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var newIds = new List<int>(count);
        var starts = Enumerable.Range(0, (count + BatchSize - 1) / BatchSize).Select(b => b * BatchSize).ToList();

        Task<Batch>? next = null;
        var writing = TimeSpan.Zero;
        foreach (var start in starts)
        {
            var batch = next is null ? Prepare(generator, blockHtml, firstNumber + start, Math.Min(BatchSize, count - start), now, cancellationToken) : await next;
            var following = start + BatchSize;
            // The generator is not thread-safe, but only one Prepare runs at a time: the next starts after this one was awaited.
            next = following < count
                ? Task.Run(() => Prepare(generator, blockHtml, firstNumber + following, Math.Min(BatchSize, count - following), now, cancellationToken), cancellationToken)
                : null;
            var writeStarted = stopwatch.Elapsed;
            await EnsureTermsAsync(batch.Inputs, categoryIds, tagIds, cancellationToken);
            await EnsureAuthorsAsync(batch.Inputs, authorIds, cancellationToken);
            newIds.AddRange(await InsertAsync(batch, categoryIds, tagIds, authorIds, cancellationToken));
            writing += stopwatch.Elapsed - writeStarted;
            progress?.Report((newIds.Count, count));
        }
        logger.LogInformation(
            "Inserted {Count} demo stories in {Elapsed:0.0} s ({Writing:0.0} s of it writing rows; generating and rendering overlaps it).",
            count, stopwatch.Elapsed.TotalSeconds, writing.TotalSeconds);

        // Related stories for a bulk load are left to RelatedStoriesCatchUp, which the site runs in
        // the background when it starts: at 100,000 stories they take minutes (measured: 233 s of a
        // 647 s seed), longer than the whole seed may. A small batch is done here, as for any save.
        if (newIds.Count <= ImmediateRelatedLimit)
        {
            await changes.NotifyAsync(newIds, cancellationToken);
        }
        else
        {
            logger.LogInformation(
                "Related stories for these {Count} stories will be computed by the site in the background when it next starts.", newIds.Count);
        }
        return (count, stopwatch.Elapsed);
    }

    private sealed record Batch(List<StoryInput> Inputs, Story[] Stories);

    private Batch Prepare(
        DemoStoryGenerator generator, BlockHtml blockHtml, int firstNumber, int size, DateTime now, CancellationToken cancellationToken)
    {
        var made = Enumerable.Range(firstNumber, size).Select(n => generator.NextWithBlocks(n, now)).ToList();
        var inputs = made.Select(m => m.Input).ToList();
        var stories = new Story[size];
        // A few chunks per core, each measured on one worker thread (see MeasureAll); the HTML is
        // the blocks' HTML, each block rendered once for the whole load.
        var chunks = Enumerable.Range(0, size).Chunk(RenderChunk).ToList();
        Parallel.ForEach(chunks, new ParallelOptions { CancellationToken = cancellationToken }, chunk =>
        {
            var measures = markdown.MeasureAll(chunk.Select(i => (inputs[i].Title, inputs[i].Body)).ToList());
            for (var j = 0; j < chunk.Length; j++)
            {
                var html = blockHtml.Compose(made[chunk[j]].Blocks);
                stories[chunk[j]] = ToStory(inputs[chunk[j]], html, measures[j], now);
            }
        });
        return new Batch(inputs, stories);
    }

    private async Task<List<int>> InsertAsync(
        Batch batch, Dictionary<string, int> categoryIds, Dictionary<string, int> tagIds, Dictionary<string, int> authorIds,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        // Demo data can be seeded again if the machine fails mid-way, so this connection skips the
        // fsync per commit; a larger page cache keeps the slug, date and search indexes' pages in memory.
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;", cancellationToken);
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using var insertStory = Command(connection, transaction, """
            INSERT INTO "Articles" ("Title", "Slug", "Summary", "Body", "BodyHtml", "LeadImage", "WordCount",
                "CjkCharacterCount", "ImageCount", "CreatedAt", "UpdatedAt", "PublishedAt", "Version", "Correction", "CorrectionHtml")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, '', '')
            RETURNING "Id"
            """, 13);
        await using var insertCategory = Command(connection, transaction,
            """INSERT INTO "ArticleCategories" ("ArticleId", "CategoryId", "Position") VALUES (@p0, @p1, @p2)""", 3);
        await using var insertTag = Command(connection, transaction,
            """INSERT INTO "ArticleTags" ("ArticleId", "TagId", "Position") VALUES (@p0, @p1, @p2)""", 3);
        await using var insertAuthor = Command(connection, transaction,
            """INSERT INTO "StoryAuthors" ("ArticleId", "AuthorId", "Position") VALUES (@p0, @p1, @p2)""", 3);

        var ids = new List<int>(batch.Stories.Length);
        for (var i = 0; i < batch.Stories.Length; i++)
        {
            var a = batch.Stories[i];
            object?[] values =
            [
                a.Title, a.Slug, a.Summary, a.Body, a.BodyHtml, a.LeadImage, a.WordCount, a.CjkCharacterCount,
                a.ImageCount, Stored(a.CreatedAt, sqlite), Stored(a.UpdatedAt, sqlite), a.PublishedAt is { } p ? Stored(p, sqlite) : null,
                sqlite ? a.Version.ToString().ToUpperInvariant() : a.Version,
            ];
            SetValues(insertStory, values);
            var id = Convert.ToInt32(await insertStory.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            ids.Add(id);

            var input = batch.Inputs[i];
            for (var position = 0; position < input.Categories.Count; position++)
            {
                SetValues(insertCategory, [id, categoryIds[Slug.From(input.Categories[position])], position]);
                await insertCategory.ExecuteNonQueryAsync(cancellationToken);
            }
            for (var position = 0; position < input.Tags.Count; position++)
            {
                SetValues(insertTag, [id, tagIds[Slug.From(input.Tags[position])], position]);
                await insertTag.ExecuteNonQueryAsync(cancellationToken);
            }
            var authors = AuthorNames.Clean(input.Authors);
            for (var position = 0; position < authors.Count; position++)
            {
                SetValues(insertAuthor, [id, authorIds[authors[position]], position]);
                await insertAuthor.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void SetValues(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    // SQLite keeps times as text in EF Core's format; PostgreSQL takes the UTC time itself.
    private static object Stored(DateTime value, bool sqlite) => sqlite
        ? value.ToString(DateFormat, CultureInfo.InvariantCulture)
        : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static Story ToStory(StoryInput input, string html, TextMeasure measure, DateTime now)
    {
        return new Story
        {
            Title = input.Title,
            Slug = input.EffectiveSlug,
            Summary = input.Summary,
            Body = input.Body,
            BodyHtml = html,
            WordCount = measure.Words,
            CjkCharacterCount = measure.CjkCharacters,
            ImageCount = measure.Images,
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = input.PublishedAt,
        };
    }

    private async Task EnsureTermsAsync(
        List<StoryInput> inputs, Dictionary<string, int> categoryIds, Dictionary<string, int> tagIds, CancellationToken cancellationToken)
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

    private async Task EnsureAuthorsAsync(List<StoryInput> inputs, Dictionary<string, int> authorIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var name in AuthorNames.Clean(inputs.SelectMany(i => i.Authors)).Where(n => !authorIds.ContainsKey(n)))
        {
            var author = (await AuthorLinks.ResolveAsync(db, [name], cancellationToken))[0];
            await db.SaveChangesAsync(cancellationToken);
            authorIds[name] = author.Id;
        }
    }
}
