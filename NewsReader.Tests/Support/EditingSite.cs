using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Accounts;
using NewsReader.Editing;

namespace NewsReader.Tests.Support;

/// <summary>
/// The site for tests of the editing services: optionally on a <see cref="ManualClock"/>, with
/// accounts that can be "signed in" to a service scope the way a circuit is.
/// </summary>
public sealed class EditingSite : NewsSiteFactory
{
    public const string Password = "Editor-password-1";

    /// <summary>Null: the real clock.</summary>
    public ManualClock? Clock { get; init; }

    /// <summary>Autosave delay of the editor page; short in component tests.</summary>
    public TimeSpan? AutosaveDelay { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
            if (AutosaveDelay is { } delay)
            {
                services.AddSingleton(new EditorOptions { AutosaveDelay = delay });
            }
        });
    }

    /// <summary>
    /// A DI scope in which the services see <paramref name="email"/> signed in, as in that editor's
    /// circuit. The account is created (with <paramref name="role"/>) the first time.
    /// </summary>
    public async Task<AsyncServiceScope> SignedInScopeAsync(string email = "editor@example.org", string role = Roles.Editor, string? displayName = null)
    {
        var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var created = await GetService<AccountManager>().CreateAsync(email, Password, role, displayName, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        }
        var user = (await users.FindByEmailAsync(email))!;
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<NewsUser>>().CreateAsync(user);
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>The story editor service as <paramref name="email"/> uses it.</summary>
    public async Task<(ArticleEditor Editor, AsyncServiceScope Scope)> EditorAsync(string email = "editor@example.org", string? displayName = null)
    {
        var scope = await SignedInScopeAsync(email, displayName: displayName);
        return (scope.ServiceProvider.GetRequiredService<ArticleEditor>(), scope);
    }
}
