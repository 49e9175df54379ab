using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.Data;

namespace NewsReader.Accounts;

/// <summary>The signed-in account as the database says it is right now.</summary>
public sealed record CurrentEditor(string UserId, string Email, string? DisplayName, IReadOnlyList<string> Roles)
{
    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);
    public bool IsEditor => IsAdmin || Roles.Contains(Accounts.Roles.Editor);

    /// <summary>A contributor and nothing more: writes their own drafts, which editors review and publish.</summary>
    public bool IsContributor => !IsEditor && Roles.Contains(Accounts.Roles.Contributor);

    /// <summary>Whether the account may write stories at all (its own, for a contributor).</summary>
    public bool IsWriter => IsEditor || IsContributor;

    /// <summary>The name to record as author of a change: the display name, else the email.</summary>
    public string Name => DisplayName ?? Email;
}

/// <summary>
/// The check that admin services make before they change anything. A page's [Authorize] only
/// guards the request that opened it; the events of a circuit that follow are not requests, so a
/// service cannot trust that its caller still may act. This reads who is signed in (the circuit's or
/// the request's authentication state) and asks the database whether that account still exists, is
/// enabled, has the same security stamp as its cookie, and holds the role. Scoped: inject it into
/// components and into scoped services.
/// </summary>
public sealed class EditorAccess(AuthenticationStateProvider authenticationState, AccountCheck accounts)
{
    /// <summary>The current account, or null when nobody (or a disabled or signed-out account) is signed in.</summary>
    public async Task<CurrentEditor?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        ClaimsPrincipal principal;
        try
        {
            principal = (await authenticationState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // A scope that no request or circuit set up (a background task, a plain endpoint)
            // has nobody signed in: refuse rather than guess.
            return null;
        }
        return await accounts.FindAsync(principal, cancellationToken);
    }

    /// <summary>The current account if it is an Editor or an Admin; otherwise throws <see cref="UnauthorizedAccessException"/>.</summary>
    public async Task<CurrentEditor> RequireEditorAsync(CancellationToken cancellationToken = default) =>
        await GetCurrentAsync(cancellationToken) is { IsEditor: true } editor
            ? editor
            : throw new UnauthorizedAccessException("Only signed-in editors may do this.");

    /// <summary>
    /// The current account if it is a Contributor, an Editor or an Admin; otherwise throws
    /// <see cref="UnauthorizedAccessException"/>. A service that lets contributors in must still check
    /// which story they touch and what they do to it.
    /// </summary>
    public async Task<CurrentEditor> RequireWriterAsync(CancellationToken cancellationToken = default) =>
        await GetCurrentAsync(cancellationToken) is { IsWriter: true } writer
            ? writer
            : throw new UnauthorizedAccessException("Only signed-in contributors and editors may do this.");

    /// <summary>The current account if it is an Admin; otherwise throws <see cref="UnauthorizedAccessException"/>.</summary>
    public async Task<CurrentEditor> RequireAdminAsync(CancellationToken cancellationToken = default) =>
        await GetCurrentAsync(cancellationToken) is { IsAdmin: true } admin
            ? admin
            : throw new UnauthorizedAccessException("Only administrators may do this.");
}

/// <summary>Looks up the account behind a sign-in principal, as it is in the database now.</summary>
public sealed class AccountCheck(IDbContextFactory<NewsDbContext> dbFactory, IOptions<IdentityOptions> identityOptions)
{
    /// <summary>Null unless the account exists, is enabled and still has the security stamp the principal was issued with.</summary>
    public async Task<CurrentEditor?> FindAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (UserIdAndStamp(principal) is not var (userId, stamp))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.Disabled && u.SecurityStamp == stamp)
            .Select(u => new { u.Email, u.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == userId
                           select role.Name)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new CurrentEditor(userId, user.Email ?? "", user.DisplayName, roles.OfType<string>().ToList());
    }

    /// <summary>
    /// Whether the principal's account still exists, is enabled and has the same security stamp:
    /// one primary-key read, made for every request that carries a sign-in cookie.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (UserIdAndStamp(principal) is not var (userId, stamp))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Id == userId && !u.Disabled && u.SecurityStamp == stamp, cancellationToken);
    }

    private (string UserId, string? Stamp)? UserIdAndStamp(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var claims = identityOptions.Value.ClaimsIdentity;
        return principal.FindFirstValue(claims.UserIdClaimType) is { } userId
            ? (userId, principal.FindFirstValue(claims.SecurityStampClaimType))
            : null;
    }
}
