namespace PortalApp.Components.Account;

/// <summary>
/// Where the sign-in pages may send a browser: a path on this site, by the rules of Url.IsLocalUrl, or an absolute
/// address on this site (the sign-in redirect passes the page asked for as one). Anything else, however it is
/// spelled (<c>//evil</c>, <c>/\evil</c>, <c>http://evil</c>, <c>javascript:</c>), goes to the home page: never off
/// the site and never an error.
/// </summary>
public static class ReturnUrls
{
    public const string Home = "/";

    public static string Local(string? url, string siteBaseUri)
    {
        if (url is null)
        {
            return Home;
        }
        if (OnSite(url, siteBaseUri) is { } path)
        {
            url = path;
        }
        if (url.StartsWith("~/", StringComparison.Ordinal))
        {
            url = url[1..];
        }
        return IsLocalPath(url) ? url : Home;
    }

    /// <summary>Url.IsLocalUrl's rule for a path: one leading slash, not followed by another or a backslash, no control characters.</summary>
    public static bool IsLocalPath(string url) =>
        url.Length > 0 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static string? OnSite(string url, string siteBaseUri) =>
        Uri.TryCreate(url, UriKind.Absolute, out var target)
        && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)
        && Uri.TryCreate(siteBaseUri, UriKind.Absolute, out var site)
        && Uri.Compare(target, site, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0
        && target.AbsolutePath.StartsWith(site.AbsolutePath, StringComparison.Ordinal)
            ? target.PathAndQuery + target.Fragment
            : null;
}
