using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Accounts;

public enum SetupTokenState { Valid, Invalid, Used, Expired }

/// <summary>
/// The first-run link: while no account exists, each start issues a random 256-bit
/// token that lets whoever holds it create the owner account once. The token is shown only in the
/// log; the database keeps its hash.
/// </summary>
public sealed class SetupTokens(IDbContextFactory<NewsDbContext> dbFactory, AccountManager accounts, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A fresh token, or null when an account already exists and setup is closed.</summary>
    public async Task<string?> IssueIfNoAccountAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AnyAccountAsync(cancellationToken))
        {
            return null;
        }
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.SetupTokens.Add(new SetupToken { TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<SetupTokenState> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return SetupTokenState.Invalid;
        }
        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SetupTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        return stored switch
        {
            null => SetupTokenState.Invalid,
            { UsedAt: not null } => SetupTokenState.Used,
            _ when stored.ExpiresAt <= time.GetUtcNow().UtcDateTime => SetupTokenState.Expired,
            // Another token of an earlier start may already have made the owner.
            _ when await db.Users.AnyAsync(cancellationToken) => SetupTokenState.Used,
            _ => SetupTokenState.Valid,
        };
    }

    /// <summary>
    /// Creates the owner account (role Admin) if the token is valid and no account exists. The token
    /// is claimed with one conditional UPDATE, so two people holding it cannot both succeed; a
    /// refused password gives it back so its holder can try again.
    /// </summary>
    public async Task<(SetupTokenState State, AccountResult? Result)> CreateOwnerAsync(
        string? token, string email, string password, CancellationToken cancellationToken)
    {
        var state = await CheckAsync(token, cancellationToken);
        if (state != SetupTokenState.Valid)
        {
            return (state, null);
        }
        var hash = Hash(token!);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.SetupTokens
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), cancellationToken);
        if (claimed == 0 || await accounts.AnyAccountAsync(cancellationToken))
        {
            return (SetupTokenState.Used, null);
        }

        var result = await accounts.CreateAsync(email, password, Roles.Admin, displayName: null, cancellationToken);
        if (result.Succeeded)
        {
            // Setup is over: no other link of an earlier start may make a second owner.
            await db.SetupTokens.Where(t => t.UsedAt == null)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), cancellationToken);
        }
        else
        {
            await db.SetupTokens.Where(t => t.TokenHash == hash)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, (DateTime?)null), cancellationToken);
        }
        return (result.Succeeded ? SetupTokenState.Used : SetupTokenState.Valid, result);
    }

    internal static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
