using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Stories;
using NewsReader.Data;

namespace NewsReader.Editing;

public sealed record CategoryRow(int Id, string Name, string Slug, int StoryCount);

/// <summary>The categories page: create, rename (the slug follows the name), delete when no story uses it.</summary>
public sealed class CategoryAdmin(
    IDbContextFactory<NewsDbContext> dbFactory,
    StoryChanges changes,
    EditorAccess access)
{
    public async Task<IReadOnlyList<CategoryRow>> ListAsync(CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CategoryRow(c.Id, c.Name, c.Slug, c.Stories.Count))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Null when created; otherwise why not.</summary>
    public async Task<string?> CreateAsync(string name, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        var (cleanName, slug, error) = Check(name);
        if (error is not null)
        {
            return error;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await NameOfSlugAsync(db, slug, null, cancellationToken) is { } existing)
        {
            return $"The category \"{existing}\" already has the address /categories/{slug}.";
        }
        db.Categories.Add(new Category { Name = cleanName, Slug = slug });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Renames the category and moves its slug with the name; null when done, otherwise why not.</summary>
    public async Task<string?> RenameAsync(int id, string name, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        var (cleanName, slug, error) = Check(name);
        if (error is not null)
        {
            return error;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return "That category no longer exists.";
        }
        if (await NameOfSlugAsync(db, slug, id, cancellationToken) is { } existing)
        {
            return $"The category \"{existing}\" already has the address /categories/{slug}.";
        }
        category.Name = cleanName;
        category.Slug = slug;
        await db.SaveChangesAsync(cancellationToken);

        // Story pages, cards and feeds show the category's name and link.
        var storyIds = await db.Set<StoryCategory>().Where(l => l.CategoryId == id).Select(l => l.StoryId).ToListAsync(cancellationToken);
        await changes.NotifyAsync(storyIds, cancellationToken);
        return null;
    }

    /// <summary>Deletes an unused category; null when done, otherwise why not.</summary>
    public async Task<string?> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The condition is part of the DELETE, so a story filed under it meanwhile keeps it.
        var deleted = await db.Categories.Where(c => c.Id == id && !c.Stories.Any()).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 1)
        {
            return null;
        }
        var count = await db.Set<StoryCategory>().CountAsync(l => l.CategoryId == id, cancellationToken);
        return count == 0
            ? "That category no longer exists."
            : $"This category is used by {count} {(count == 1 ? "story" : "stories")}; remove it from them first.";
    }

    private static (string Name, string Slug, string? Error) Check(string name)
    {
        var clean = name.Trim();
        if (clean.Length == 0)
        {
            return (clean, "", "Name is required.");
        }
        if (clean.Length > StoryLimits.TermLength)
        {
            return (clean, "", $"Name must be at most {StoryLimits.TermLength} characters.");
        }
        if (clean.Contains(',', StringComparison.Ordinal))
        {
            // The story editor takes categories as comma-separated names.
            return (clean, "", "Name cannot contain a comma.");
        }
        var slug = Slug.From(clean);
        return slug.Length == 0 ? (clean, slug, "Name must contain at least one letter or digit.") : (clean, slug, null);
    }

    private static Task<string?> NameOfSlugAsync(NewsDbContext db, string slug, int? exceptId, CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking()
            .Where(c => c.Slug == slug && c.Id != (exceptId ?? 0))
            .Select(c => c.Name)
            .FirstOrDefaultAsync(cancellationToken);
}
