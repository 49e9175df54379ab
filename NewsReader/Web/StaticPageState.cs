using Microsoft.AspNetCore.Components;

namespace NewsReader.Web;

/// <summary>
/// Once interactive server rendering is enabled for the app, Blazor ends every server-rendered page
/// with an encrypted copy of component and service state (a "Blazor-Server-Component-State"
/// comment) for a circuit to pick up. Pages excluded from interactive routing (every reader page)
/// never start a circuit, so the copy is dead weight: hundreds of bytes a page, and a Data
/// Protection encryption on every uncached render. Blazor writes nothing when a page's endpoint
/// lists no interactive render modes, so those pages get an empty list.
/// </summary>
public static class StaticPageState
{
    // Blazor's metadata type is internal, so it is recognised by name and made with its public
    // constructor. Taking it away instead would not do: without it Blazor writes the state for
    // every render mode it can think of.
    private const string RenderModesMetadata = "ConfiguredRenderModesMetadata";

    public static RazorComponentsEndpointConventionBuilder WithoutStateOnStaticPages(this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<ExcludeFromInteractiveRoutingAttribute>().Any())
            {
                return;
            }
            for (var i = 0; i < endpoint.Metadata.Count; i++)
            {
                var metadata = endpoint.Metadata[i];
                if (metadata.GetType().Name == RenderModesMetadata)
                {
                    endpoint.Metadata[i] = Activator.CreateInstance(metadata.GetType(), [Array.Empty<IComponentRenderMode>()])!;
                }
            }
        });
        return builder;
    }
}
