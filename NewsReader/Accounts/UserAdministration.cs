namespace NewsReader.Accounts;

/// <summary>
/// What the users page may do, each operation checked against the database first: only an enabled
/// Admin gets past <see cref="EditorAccess.RequireAdminAsync"/>, whatever the circuit believes.
/// </summary>
public sealed class UserAdministration(EditorAccess access, AccountManager accounts)
{
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await access.RequireAdminAsync(cancellationToken);
        return await accounts.ListAsync(cancellationToken);
    }

    public async Task<AccountResult> CreateAsync(string email, string password, string role, string? displayName, CancellationToken cancellationToken = default)
    {
        await access.RequireAdminAsync(cancellationToken);
        return await accounts.CreateAsync(email, password, role, displayName, cancellationToken);
    }

    public async Task<AccountResult> SetRoleAsync(string userId, string role, CancellationToken cancellationToken = default)
    {
        await access.RequireAdminAsync(cancellationToken);
        return await accounts.SetRoleAsync(userId, role, cancellationToken);
    }

    public async Task<AccountResult> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        await access.RequireAdminAsync(cancellationToken);
        return await accounts.SetDisabledAsync(userId, disabled, cancellationToken);
    }
}
