using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Data;

namespace NewsReader.Accounts;

/// <summary>One account as the users page lists it.</summary>
public sealed record AccountSummary(
    string Id, string Email, string? DisplayName, string? Role, bool Disabled, DateTimeOffset? LockedUntil);

/// <summary>What an account operation did, or why it did nothing.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, IReadOnlyList<string> Changes, bool Created = false)
{
    public static AccountResult Failed(params IEnumerable<string> errors) => new(false, [.. errors], []);
    public static AccountResult Done(IReadOnlyList<string> changes, bool created = false) => new(true, [], changes, created);
}

/// <summary>
/// Creates and changes accounts. It checks no caller: the command line, start-up and the tests use
/// it directly, and the admin UI goes through <see cref="UserAdministration"/>, which checks that
/// the signed-in user is an Admin first. Every operation runs in its own scope (a fresh
/// UserManager and DbContext) and its own transaction, so a circuit never holds a context open.
/// </summary>
public sealed class AccountManager(IServiceScopeFactory scopeFactory, IDbContextFactory<NewsDbContext> dbFactory)
{
    public const string LastAdminMessage = "There must always be at least one enabled Admin account.";

    public async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        // One cheap read on every start; the RoleManager is only needed on the very first.
        List<string?> existing;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            existing = await db.Roles.AsNoTracking().Select(r => r.Name).ToListAsync(cancellationToken);
        }
        var missing = Roles.All.Except(existing.OfType<string>()).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in missing)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Throw(await roles.CreateAsync(new IdentityRole(role)), $"creating the role {role}");
            }
        }
    }

    public async Task<bool> AnyAccountAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.NormalizedEmail)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Disabled, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => g.Any(r => r.Name == Roles.Admin) ? Roles.Admin : g.First().Name);
        var now = DateTimeOffset.UtcNow;
        return users
            .Select(u => new AccountSummary(u.Id, u.Email ?? "", u.DisplayName, roleOf.GetValueOrDefault(u.Id), u.Disabled,
                u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }

    /// <summary>
    /// Adds the account, or brings an existing one to the given password and role, enabled and
    /// unlocked: what `create-user` and the configured admin need. An unchanged password is not
    /// reset, so existing sign-ins survive a restart.
    /// </summary>
    public async Task<AccountResult> SaveAsync(string email, string password, string role, CancellationToken cancellationToken)
    {
        if (Roles.Normalize(role) is not { } canonicalRole)
        {
            return UnknownRole;
        }
        email = email.Trim();
        await using var work = await BeginAsync(cancellationToken);
        var (users, db, transaction) = (work.Users, work.Db, work.Transaction);

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var created = await CreateUserAsync(users, email, password, canonicalRole, displayName: null);
            if (created.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return created;
        }

        var changes = new List<string>();
        if (!await users.CheckPasswordAsync(user, password))
        {
            var errors = await PasswordErrorsAsync(users, user, password);
            if (errors.Count > 0)
            {
                return AccountResult.Failed(errors);
            }
            if (await users.HasPasswordAsync(user))
            {
                Throw(await users.RemovePasswordAsync(user), "removing the old password");
            }
            Throw(await users.AddPasswordAsync(user, password), "setting the password");
            changes.Add("password reset");
        }
        if (await ReplaceRolesAsync(users, user, canonicalRole))
        {
            changes.Add($"role set to {canonicalRole}");
        }
        if (user.Disabled)
        {
            user.Disabled = false;
            Throw(await users.UpdateAsync(user), "enabling the account");
            changes.Add("enabled");
        }
        if (await users.IsLockedOutAsync(user))
        {
            Throw(await users.SetLockoutEndDateAsync(user, null), "unlocking the account");
            changes.Add("unlocked");
        }
        await users.ResetAccessFailedCountAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Done(changes);
    }

    /// <summary>Adds a new account; an existing email is refused rather than changed.</summary>
    public async Task<AccountResult> CreateAsync(string email, string password, string role, string? displayName, CancellationToken cancellationToken)
    {
        if (Roles.Normalize(role) is not { } canonicalRole)
        {
            return UnknownRole;
        }
        email = email.Trim();
        await using var work = await BeginAsync(cancellationToken);
        var (users, db, transaction) = (work.Users, work.Db, work.Transaction);
        if (await users.FindByEmailAsync(email) is not null)
        {
            return AccountResult.Failed($"An account with the email {email} already exists.");
        }
        var result = await CreateUserAsync(users, email, password, canonicalRole, displayName);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    public async Task<AccountResult> SetRoleAsync(string userId, string role, CancellationToken cancellationToken)
    {
        if (Roles.Normalize(role) is not { } canonicalRole)
        {
            return UnknownRole;
        }
        // SQLite starts this transaction IMMEDIATE: two admins demoting each other wait in turn,
        // so the last-admin check below cannot be raced.
        await using var work = await BeginAsync(cancellationToken);
        var (users, db, transaction) = (work.Users, work.Db, work.Transaction);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AccountResult.Failed("That account no longer exists.");
        }
        if (canonicalRole != Roles.Admin && await users.IsInRoleAsync(user, Roles.Admin) && !user.Disabled
            && !await AnotherEnabledAdminExistsAsync(db, userId, cancellationToken))
        {
            return AccountResult.Failed(LastAdminMessage);
        }
        var changed = await ReplaceRolesAsync(users, user, canonicalRole);
        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Done(changed ? [$"role set to {canonicalRole}"] : []);
    }

    public async Task<AccountResult> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken)
    {
        await using var work = await BeginAsync(cancellationToken);
        var (users, db, transaction) = (work.Users, work.Db, work.Transaction);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AccountResult.Failed("That account no longer exists.");
        }
        if (user.Disabled == disabled)
        {
            return AccountResult.Done([]);
        }
        if (disabled && await users.IsInRoleAsync(user, Roles.Admin)
            && !await AnotherEnabledAdminExistsAsync(db, userId, cancellationToken))
        {
            return AccountResult.Failed(LastAdminMessage);
        }
        user.Disabled = disabled;
        Throw(await users.UpdateAsync(user), disabled ? "disabling the account" : "enabling the account");
        if (disabled)
        {
            // A new stamp makes every cookie issued so far fail validation on its next request.
            Throw(await users.UpdateSecurityStampAsync(user), "signing the account out");
        }
        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Done([disabled ? "disabled" : "enabled"]);
    }

    private static async Task<AccountResult> CreateUserAsync(
        UserManager<NewsUser> users, string email, string password, string role, string? displayName)
    {
        var user = new NewsUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // The user name is the email, so Identity reports a bad or taken email twice.
            return AccountResult.Failed(created.Errors
                .Where(e => !e.Code.Contains("UserName", StringComparison.Ordinal))
                .Select(e => e.Description)
                .DefaultIfEmpty(created.Errors.First().Description));
        }
        Throw(await users.AddToRoleAsync(user, role), $"adding the role {role}");
        return AccountResult.Done([$"created with role {role}"], created: true);
    }

    /// <summary>Makes <paramref name="role"/> the account's only role; a change signs the account out everywhere.</summary>
    private static async Task<bool> ReplaceRolesAsync(UserManager<NewsUser> users, NewsUser user, string role)
    {
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return false;
        }
        if (current.Count > 0)
        {
            Throw(await users.RemoveFromRolesAsync(user, current), "removing the old role");
        }
        Throw(await users.AddToRoleAsync(user, role), $"adding the role {role}");
        // Roles travel in the cookie; a new stamp makes the old cookie (with the old role) invalid.
        Throw(await users.UpdateSecurityStampAsync(user), "refreshing the sign-in");
        return true;
    }

    private static async Task<List<string>> PasswordErrorsAsync(UserManager<NewsUser> users, NewsUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        return errors;
    }

    private static Task<bool> AnotherEnabledAdminExistsAsync(NewsDbContext db, string userId, CancellationToken cancellationToken) =>
        (from userRole in db.UserRoles
         join role in db.Roles on userRole.RoleId equals role.Id
         join user in db.Users on userRole.UserId equals user.Id
         where role.Name == Roles.Admin && user.Id != userId && !user.Disabled
         select user.Id).AnyAsync(cancellationToken);

    private static void Throw(IdentityResult result, string doing)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Failed {doing}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static AccountResult UnknownRole => AccountResult.Failed($"The role must be {Roles.Choices}.");

    private async Task<AccountWork> BeginAsync(CancellationToken cancellationToken)
    {
        var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return new AccountWork(scope, scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>(), db,
            await db.Database.BeginTransactionAsync(cancellationToken));
    }

    /// <summary>One operation's own scope (a fresh UserManager and context) and its transaction.</summary>
    private sealed record AccountWork(AsyncServiceScope Scope, UserManager<NewsUser> Users, NewsDbContext Db, IDbContextTransaction Transaction)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Scope.DisposeAsync();
        }
    }
}
