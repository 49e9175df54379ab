using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Data;

namespace NewsReader.Authors;

public sealed record AuthorRow(int Id, string Name, string Slug, string Bio, string? Picture, string? UserId, string? Account, int StoryCount)
{
    public AuthorForm ToForm() => new(Name, Slug, Bio, Picture ?? "", UserId);
}

/// <summary>An account an author can be linked to, as the authors page offers it.</summary>
public sealed record AccountChoice(string Id, string Label);

/// <summary>The authors page: list, add, edit, delete when no story uses the author.</summary>
public sealed class AuthorAdmin(
    IDbContextFactory<NewsDbContext> dbFactory,
    AuthorPageEvictor evictor,
    EditorAccess access)
{
    public async Task<IReadOnlyList<AuthorRow>> ListAsync(CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Authors.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new AuthorRow(a.Id, a.Name, a.Slug, a.Bio, a.Picture, a.UserId,
                a.User == null ? null : a.User.DisplayName ?? a.User.Email, a.Stories.Count))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Author names for the editor's author field, those starting with the text first.</summary>
    public async Task<IReadOnlyList<string>> SuggestAsync(string? text, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
        var search = (text ?? "").Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
#pragma warning disable CA1304, CA1311 // ToLower() here is SQL's lower(), run by the database, not .NET's
        return await db.Authors.AsNoTracking()
            .Where(a => search == "" || EF.Functions.Like(a.Name.ToLower(), "%" + search + "%"))
            .OrderBy(a => search != "" && !EF.Functions.Like(a.Name.ToLower(), search + "%")).ThenBy(a => a.Name)
#pragma warning restore CA1304, CA1311
            .Select(a => a.Name)
            .Take(20)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The name of the author linked to this account, if any.</summary>
    public async Task<string?> NameForAccountAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Authors.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccountChoice>> AccountsAsync(CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return accounts
            .Select(u => new AccountChoice(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : $"{u.DisplayName} ({u.Email})"))
            .OrderBy(a => a.Label, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>Null when created; otherwise why not.</summary>
    public async Task<string?> CreateAsync(AuthorForm form, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        if (form.Problem() is { } problem)
        {
            return problem;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ConflictAsync(db, form, null, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        var author = new Author { Name = "", Slug = "" };
        form.ApplyTo(author);
        db.Authors.Add(author);
        await db.SaveChangesAsync(cancellationToken);
        // A byline that named this author before may have linked nowhere; its page may be a cached 404.
        await evictor.AuthorChangedAsync(author.Id, [author.Slug], cancellationToken);
        return null;
    }

    /// <summary>
    /// Saves the author's name, slug, bio, picture and account; null when done, otherwise why not.
    /// Their page and every page showing their byline are evicted from the cache.
    /// </summary>
    public async Task<string?> UpdateAsync(int id, AuthorForm form, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        if (form.Problem() is { } problem)
        {
            return problem;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (author is null)
        {
            return "That author no longer exists.";
        }
        if (await ConflictAsync(db, form, id, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        var oldSlug = author.Slug;
        form.ApplyTo(author);
        await db.SaveChangesAsync(cancellationToken);
        await evictor.AuthorChangedAsync(id, [oldSlug, author.Slug], cancellationToken);
        return null;
    }

    /// <summary>Deletes an author no story names; null when done, otherwise why not.</summary>
    public async Task<string?> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await access.RequireEditorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slug = await db.Authors.AsNoTracking().Where(a => a.Id == id).Select(a => a.Slug).FirstOrDefaultAsync(cancellationToken);
        // The condition is part of the DELETE, so a story given this author meanwhile keeps them.
        var deleted = await db.Authors.Where(a => a.Id == id && !a.Stories.Any()).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 1)
        {
            await evictor.AuthorChangedAsync(id, [slug!], cancellationToken);
            return null;
        }
        var count = await db.Set<StoryAuthor>().CountAsync(l => l.AuthorId == id, cancellationToken);
        return count == 0
            ? "That author no longer exists."
            : $"This author is named on {count} {(count == 1 ? "story" : "stories")}, so it cannot be deleted. Give {(count == 1 ? "that story" : "those stories")} another author first.";
    }

    // Names are matched ignoring case when stories are saved, so two authors may not share one; nor a slug, nor an account.
    private static async Task<string?> ConflictAsync(NewsDbContext db, AuthorForm form, int? exceptId, CancellationToken cancellationToken)
    {
        var others = db.Authors.AsNoTracking().Where(a => a.Id != (exceptId ?? 0));
        var name = form.Name.Trim();
        var slug = form.EffectiveSlug;
        if (await others.Where(a => a.Slug == slug).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) is { } slugOwner)
        {
            return $"The author \"{slugOwner}\" already has the address /authors/{slug}.";
        }
        // The author table is small (people, not stories): the names are compared here, ignoring case as .NET does.
        var names = await others.Select(a => a.Name).ToListAsync(cancellationToken);
        if (names.Find(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } sameName)
        {
            return $"There is already an author named \"{sameName}\".";
        }
        if (!string.IsNullOrEmpty(form.UserId))
        {
            if (!await db.Users.AnyAsync(u => u.Id == form.UserId, cancellationToken))
            {
                return "That account no longer exists.";
            }
            if (await others.Where(a => a.UserId == form.UserId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) is { } linked)
            {
                return $"That account is already linked to the author \"{linked}\".";
            }
        }
        return null;
    }
}
