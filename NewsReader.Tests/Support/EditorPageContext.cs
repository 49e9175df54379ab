using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NewsReader.Accounts;

namespace NewsReader.Tests.Support;

/// <summary>
/// bUnit with MudBlazor over the real editing services on a temporary SQLite database, signed in as
/// an editor (Ana Ferreira) unless a test class asks for another account and role: what the story
/// editor page's component tests start from.
/// </summary>
public abstract class EditorPageContext : BunitContext, IAsyncLifetime
{
    private readonly string _email;
    private readonly string _role;
    private readonly string _displayName;

    protected EditingSite Site { get; }

    protected AsyncServiceScope Scope { get; private set; }

    protected EditorPageContext(string email = "editor@example.org", string role = Roles.Editor, string displayName = "Ana Ferreira")
    {
        (_email, _role, _displayName) = (email, role, displayName);
        // Autosave waits long enough not to re-render under a test's clicks; autosave tests shorten it.
        Site = new EditingSite { AutosaveDelay = TimeSpan.FromHours(1) };
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task InitializeAsync()
    {
        Scope = await Site.SignedInScopeAsync(_email, _role, _displayName);
        Services.AddFallbackServiceProvider(Scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Scope.DisposeAsync();
        await Site.DisposeAsync();
    }
}
