// Keeps the theme a person chose (Components/Layout/ThemeChoice) for a year, so reloads and typed addresses start in it.
window.portalTheme = {
    remember: dark => {
        const value = dark ? "dark" : "light";
        document.cookie = `portal-theme=${value}; path=/; max-age=31536000; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
        document.documentElement.dataset.theme = value;
    },
};
