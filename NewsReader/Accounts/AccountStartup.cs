using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace NewsReader.Accounts;

/// <summary>
/// First run (README, "Signing in"): makes sure the roles exist, then either brings the configured admin
/// (NewsReader:Admin:Email/Password) into being, or — when no account exists and none is
/// configured — issues a setup link and logs it once the server knows its address. Registered
/// after the database start-up, whose StartingAsync has migrated the database by then.
/// </summary>
public sealed class AccountStartup(
    NewsReader.Data.DatabaseSetup database,
    AccountManager accounts,
    SetupTokens setupTokens,
    IOptions<NewsReaderOptions> options,
    IServer server,
    ILogger<AccountStartup> logger) : IHostedLifecycleService
{
    private string? _setupToken;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Two sites started together would both create the roles (and the configured admin), and the
        // second would fail on the unique names; one at a time, the second finds them there.
        using var startup = await database.LockStartupAsync(cancellationToken);
        await accounts.EnsureRolesAsync(cancellationToken);
        var admin = options.Value.Admin;
        if (!string.IsNullOrWhiteSpace(admin.Email) || !string.IsNullOrEmpty(admin.Password))
        {
            await EnsureConfiguredAdminAsync(admin, cancellationToken);
            return;
        }
        _setupToken = await setupTokens.IssueIfNoAccountAsync(cancellationToken);
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (_setupToken is not null)
        {
            var link = $"{BaseAddress()}/admin/setup?token={_setupToken}";
            logger.LogWarning(
                "No account exists yet. Create the owner account at {SetupLink} — the link works once and expires in {Hours} hours; a restart issues a new one.",
                link, (int)SetupTokens.Lifetime.TotalHours);
            _setupToken = null;
        }
        return Task.CompletedTask;
    }

    private async Task EnsureConfiguredAdminAsync(AdminAccountOptions admin, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
        {
            throw new InvalidOperationException("Set both NewsReader:Admin:Email and NewsReader:Admin:Password, or neither.");
        }
        var result = await accounts.SaveAsync(admin.Email, admin.Password, Roles.Admin, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The configured admin account ({admin.Email}) was refused: {string.Join(" ", result.Errors)}");
        }
        if (result.Changes.Count > 0)
        {
            logger.LogInformation("Configured admin {Email}: {Changes}.", admin.Email, string.Join(", ", result.Changes));
        }
    }

    /// <summary>The first address the server listens on, with a wildcard host made into one a browser can open.</summary>
    private string BaseAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return "";
        }
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
