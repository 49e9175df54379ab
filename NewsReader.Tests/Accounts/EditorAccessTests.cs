using Microsoft.Extensions.DependencyInjection;
using NewsReader.Accounts;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Accounts;

/// <summary>The second check, made by services: what the database says now, not what a circuit believed when it started.</summary>
public sealed class EditorAccessTests(NewsSiteFactory site) : IClassFixture<NewsSiteFactory>
{
    private AccountManager Accounts => site.GetService<AccountManager>();

    private async Task<string> IdOfAsync(string email) =>
        (await Accounts.ListAsync(CancellationToken.None)).Single(a => a.Email == email).Id;

    [Fact]
    public async Task AnEditorMayEditButNotAdminister()
    {
        var email = await site.CreateUserAsync(SignIn.NewEmail(Roles.Editor), Roles.Editor);
        await using var scope = await site.CreateSignedInScopeAsync(email);
        var access = scope.ServiceProvider.GetRequiredService<EditorAccess>();

        var editor = await access.RequireEditorAsync();

        Assert.Equal(email, editor.Email);
        Assert.Equal(email, editor.Name);
        Assert.False(editor.IsAdmin);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => access.RequireAdminAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync());
    }

    [Fact]
    public async Task AnAdminMayEditAndAdminister()
    {
        var email = await site.CreateUserAsync(SignIn.NewEmail(Roles.Admin), Roles.Admin);
        await using var scope = await site.CreateSignedInScopeAsync(email);
        var access = scope.ServiceProvider.GetRequiredService<EditorAccess>();

        var editor = await access.RequireEditorAsync();
        var admin = await access.RequireAdminAsync();

        Assert.True(editor.IsEditor);
        Assert.True(admin.IsAdmin);
    }

    [Fact]
    public async Task AnAccountWithoutARoleAndNobodyAtAllAreRefused()
    {
        var email = await site.CreateUserAsync(SignIn.NewEmail(), role: null);
        await using var scope = await site.CreateSignedInScopeAsync(email);
        await using var anonymous = site.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => scope.ServiceProvider.GetRequiredService<EditorAccess>().RequireEditorAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => anonymous.ServiceProvider.GetRequiredService<EditorAccess>().RequireEditorAsync());
    }

    [Fact]
    public async Task AnAccountDisabledAfterItSignedInIsRefusedAtOnce()
    {
        var email = await site.CreateUserAsync(SignIn.NewEmail(Roles.Editor), Roles.Editor);
        await using var scope = await site.CreateSignedInScopeAsync(email);
        var access = scope.ServiceProvider.GetRequiredService<EditorAccess>();
        await access.RequireEditorAsync();

        await Accounts.SetDisabledAsync(await IdOfAsync(email), disabled: true, CancellationToken.None);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => access.RequireEditorAsync());
    }

    [Fact]
    public async Task AnAdminDemotedAfterSigningInIsNoLongerAnAdmin()
    {
        var email = await site.CreateUserAsync(SignIn.NewEmail(Roles.Admin), Roles.Admin);
        await site.CreateUserAsync(SignIn.NewEmail(Roles.Admin), Roles.Admin);
        await using var scope = await site.CreateSignedInScopeAsync(email);
        var access = scope.ServiceProvider.GetRequiredService<EditorAccess>();

        await Accounts.SetRoleAsync(await IdOfAsync(email), Roles.Editor, CancellationToken.None);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => access.RequireAdminAsync());
    }

    [Fact]
    public async Task TheLastEnabledAdminCanBeNeitherDemotedNorDisabled()
    {
        using var lonely = new NewsSiteFactory();
        var email = await lonely.CreateUserAsync("only-admin@example.org", Roles.Admin);
        await using var scope = await lonely.CreateSignedInScopeAsync(email);
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var me = (await administration.ListAsync()).Single().Id;

        var demote = await administration.SetRoleAsync(me, Roles.Editor);
        var disable = await administration.SetDisabledAsync(me, disabled: true);
        var second = await administration.CreateAsync("second-admin@example.org", SignIn.Password, Roles.Admin, "Second");
        var demoteNow = await administration.SetRoleAsync(me, Roles.Editor);

        Assert.False(demote.Succeeded);
        Assert.Equal([AccountManager.LastAdminMessage], demote.Errors);
        Assert.False(disable.Succeeded);
        Assert.True(second.Succeeded);
        Assert.True(demoteNow.Succeeded);
        var accounts = await lonely.GetService<AccountManager>().ListAsync(CancellationToken.None);
        Assert.Equal(Roles.Editor, accounts.Single(a => a.Email == email).Role);
        Assert.Equal("Second", accounts.Single(a => a.Email == "second-admin@example.org").DisplayName);
    }

    [Fact]
    public async Task AddingAnAccountRefusesATakenEmailAndAWeakPassword()
    {
        var existing = await site.CreateUserAsync(SignIn.NewEmail(Roles.Editor), Roles.Editor);

        var taken = await Accounts.CreateAsync(existing.ToUpperInvariant(), SignIn.Password, Roles.Editor, null, CancellationToken.None);
        var weak = await Accounts.CreateAsync(SignIn.NewEmail(), "abc", Roles.Editor, null, CancellationToken.None);
        var badEmail = await Accounts.CreateAsync("not an email", SignIn.Password, Roles.Editor, null, CancellationToken.None);

        Assert.Equal([$"An account with the email {existing.ToUpperInvariant()} already exists."], taken.Errors);
        Assert.Contains("Passwords must be at least 10 characters.", weak.Errors);
        Assert.Contains("Passwords must have at least one uppercase ('A'-'Z').", weak.Errors);
        Assert.Equal(["Email 'not an email' is invalid."], badEmail.Errors);
    }
}
