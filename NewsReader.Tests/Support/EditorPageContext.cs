using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace NewsReader.Tests.Support;

/// <summary>
/// bUnit with MudBlazor over the real editing services on a temporary SQLite database, signed in as
/// an editor (Ana Ferreira): what the story editor page's component tests start from.
/// </summary>
public abstract class EditorPageContext : BunitContext, IAsyncLifetime
{
    protected EditingSite Site { get; }

    protected AsyncServiceScope Scope { get; private set; }

    protected EditorPageContext()
    {
        // Autosave waits long enough not to re-render under a test's clicks; autosave tests shorten it.
        Site = new EditingSite { AutosaveDelay = TimeSpan.FromHours(1) };
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task InitializeAsync()
    {
        Scope = await Site.SignedInScopeAsync(displayName: "Ana Ferreira");
        Services.AddFallbackServiceProvider(Scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Scope.DisposeAsync();
        await Site.DisposeAsync();
    }
}
