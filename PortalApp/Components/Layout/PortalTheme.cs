using MudBlazor;

namespace PortalApp.Components.Layout;

/// <summary>The portal's colours: civic navy with contrast that passes WCAG AA in both themes.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f3a68",
            Secondary = "#8a4b08",
            TextSecondary = "#4a4f57",
            TextDisabled = "#6b6f76",
            AppbarBackground = "#1f3a68",
            Success = "#1b6e33",
            Error = "#b3261e",
            Warning = "#8a5300",
            Info = "#1a5fa8",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9cb8ec",
            PrimaryContrastText = "#0b1a33",
            Secondary = "#f0b36a",
            SecondaryContrastText = "#1b1b1f",
            TextSecondary = "#c4c7cf",
            TextDisabled = "#a0a4ab",
            SuccessContrastText = "#0b1a10",
            ErrorContrastText = "#2b0a08",
            WarningContrastText = "#1b1400",
            InfoContrastText = "#0b1a33",
            AppbarBackground = "#15233d",
            Success = "#7fd49a",
            Error = "#ffb4ab",
            Warning = "#f3c16b",
            Info = "#9cc8ff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Liberation Sans", "DejaVu Sans", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
