using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Commands;

public sealed class CreateUserCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-cli-").FullName;

    private string Database => Path.Combine(_folder, "news.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(string Email, string[] Roles, string PasswordHash)[]> AccountsAsync()
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>().UseSqlite($"Data Source={Database}").Options;
        await using var db = new NewsDbContext(options);
        var users = await db.Users.OrderBy(u => u.Email).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        return users.Select(u => (u.Email!, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToArray(), u.PasswordHash!)).ToArray();
    }

    [Fact]
    public async Task CreateUserAddsAnAccountThenUpdatesItsPasswordAndRole()
    {
        var created = await AppProcess.RunAsync(Database, "create-user", "--email", "ana@example.org", "--password", "First-password-1", "--role", "Editor");
        var afterCreate = await AccountsAsync();
        var updated = await AppProcess.RunAsync(Database, "create-user", "--email", "ANA@example.org", "--password", "Second-password-2", "--role", "admin");
        var afterUpdate = await AccountsAsync();

        Assert.Equal(0, created.ExitCode);
        Assert.Equal("created ana@example.org with role Editor", created.Output.Trim());
        Assert.Equal(0, updated.ExitCode);
        Assert.Equal("updated ANA@example.org: password reset, role set to Admin", updated.Output.Trim());
        var account = Assert.Single(afterUpdate);
        Assert.Equal("ana@example.org", account.Email);
        Assert.Equal(["Admin"], account.Roles);
        Assert.Equal(["Editor"], afterCreate.Single().Roles);
        var hasher = new PasswordHasher<NewsUser>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new NewsUser(), account.PasswordHash, "Second-password-2"));
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedWithIdentitysMessages()
    {
        var result = await AppProcess.RunAsync(Database, "create-user", "--email", "ana@example.org", "--password", "password", "--role", "Editor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Passwords must be at least 10 characters.", result.Errors);
        Assert.Contains("Passwords must have at least one digit ('0'-'9').", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
        Assert.Empty(await AccountsAsync());
    }

    [Fact]
    public async Task CreateUserMakesAContributor()
    {
        var result = await AppProcess.RunAsync(Database, "create-user", "--email", "cora@example.org", "--password", "First-password-1", "--role", "contributor");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("created cora@example.org with role Contributor", result.Output.Trim());
        Assert.Equal([Roles.Contributor], Assert.Single(await AccountsAsync()).Roles);
    }

    [Fact]
    public async Task AnUnknownRoleIsRefused()
    {
        var result = await AppProcess.RunAsync(Database, "create-user", "--email", "ana@example.org", "--password", "First-password-1", "--role", "Owner");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown role 'Owner'; use Contributor, Editor or Admin", result.Errors);
    }

    [Fact]
    public async Task ThePasswordCanComeFromStandardInputKeepingItOutOfTheProcessList()
    {
        var options = new AppProcess.Options(Database) { Input = "Stdin-password-1\n" };

        var result = await AppProcess.RunAsync(options, "create-user", "--email", "ana@example.org", "--password", "-", "--role", "Editor");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("created ana@example.org with role Editor", result.Output.Trim());
        var hasher = new PasswordHasher<NewsUser>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new NewsUser(), (await AccountsAsync()).Single().PasswordHash, "Stdin-password-1"));
    }

    [Fact]
    public async Task AnEmptyStandardInputIsRefusedWithoutCreatingTheAccount()
    {
        var options = new AppProcess.Options(Database) { Input = "" };

        var result = await AppProcess.RunAsync(options, "create-user", "--email", "ana@example.org", "--password", "-", "--role", "Editor");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no password on standard input", result.Errors);
        Assert.Empty(await AccountsAsync());
    }
}
