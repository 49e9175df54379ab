using MudBlazor;

namespace NewsReader.Components.Layout;

public static class SiteTheme
{
    // System fonts: nothing to download, and text shows at once.
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d3557",
            Secondary = "#b5172b",
            AppbarBackground = "#1d3557",
            Background = "#fbfaf7",
            TextPrimary = "#1b1b1b",
            TextSecondary = "#4a4a4a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
        },
    };
}
