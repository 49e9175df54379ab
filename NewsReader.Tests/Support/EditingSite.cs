using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Data;
using NewsReader.Accounts;
using NewsReader.Editing;
using NewsReader.Stories;

namespace NewsReader.Tests.Support;

/// <summary>
/// The site for tests of the editing services: optionally on a <see cref="FakeTimeProvider"/>, with
/// accounts that can be "signed in" to a service scope the way a circuit is.
/// </summary>
public sealed class EditingSite : NewsSiteFactory
{
    /// <summary>Null: the real clock.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>Every batch of story changes the site announces, in the order it announces them.</summary>
    public RecordedStoryChanges Changes { get; } = new();

    /// <summary>Autosave delay of the editor page; short in component tests.</summary>
    public TimeSpan? AutosaveDelay { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStoryChangeListener>(Changes);
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
    /// circuit (see <see cref="SignIn.CreateSignedInScopeAsync"/>). The account is created the first
    /// time, with <paramref name="role"/> and a display name for revisions and conflict messages.
    /// </summary>
    public async Task<AsyncServiceScope> SignedInScopeAsync(string email = "editor@example.org", string role = Roles.Editor, string? displayName = null)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>().FindByEmailAsync(email) is null)
            {
                var created = await GetService<AccountManager>().CreateAsync(email, SignIn.Password, role, displayName, CancellationToken.None);
                Assert.True(created.Succeeded, string.Join(" ", created.Errors));
            }
        }
        return await this.CreateSignedInScopeAsync(email);
    }

    /// <summary>The story editor service as <paramref name="email"/> (with <paramref name="role"/>) uses it.</summary>
    public async Task<(StoryEditing Editor, AsyncServiceScope Scope)> EditorAsync(
        string email = "editor@example.org", string? displayName = null, string role = Roles.Editor)
    {
        var scope = await SignedInScopeAsync(email, role, displayName);
        return (StoryEditing.From(scope.ServiceProvider), scope);
    }
}
