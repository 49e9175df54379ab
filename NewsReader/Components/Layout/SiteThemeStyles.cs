using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace NewsReader.Components.Layout;

/// <summary>
/// The reader layout's theme: the same CSS variables MudThemeProvider writes, rendered once and
/// reused. MudThemeProvider itself rebuilds ~10 KB of CSS on every page and, when disposed after a
/// static render, tries a JavaScript call that fails — the costliest parts of an uncached page.
/// The reader pages have no circuit and no dark-mode switch, so the theme never changes at runtime.
/// </summary>
public sealed class SiteThemeStyles : ComponentBase
{
    [Inject]
    private ThemeStylesheet Stylesheet { get; set; } = default!;

    private MarkupString _styles;

    protected override async Task OnInitializedAsync() => _styles = await Stylesheet.GetAsync();

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, _styles);
}

/// <summary>Renders <see cref="MudThemeProvider"/> with <see cref="SiteTheme.Theme"/> once per process.</summary>
public sealed class ThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory loggerFactory)
{
    private readonly Lazy<Task<MarkupString>> _styles = new(() => RenderAsync(scopes, loggerFactory));

    public Task<MarkupString> GetAsync() => _styles.Value;

    private static async Task<MarkupString> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggerFactory)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = SiteTheme.Theme });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
        return new MarkupString(html);
    }
}
