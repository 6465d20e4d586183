using PortalApp.AccessLogging;

namespace PortalApp.Tests.Infrastructure;

/// <summary>The corpus of bad values every input of the portal is tried with.</summary>
public static class HostileInputs
{
    public static readonly IReadOnlyList<string> Text =
    [
        "' OR 1=1 --",
        "Robert'); DROP TABLE AspNetUsers;--",
        "\" ; DELETE FROM AccessLog; --",
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "{{7*7}} ${7*7} {% raw %}",
        new string('A', 10_000),
        "line\u0000null",
        "bell\u0007and\u001bescape",
        "lone surrogate \ud800 here",
        "\u202Ereversed",
        "%00%27%3Cscript%3E",
        "../../etc/passwd",
        "   ",
        "",
    ];

    public static readonly IReadOnlyList<string> RouteValues =
    [
        "0", "-1", "2147483648", "99999999999999999999", "abc", "1.5", "%27%20OR%201=1", "%3Cscript%3E", "..%2F..%2Fetc",
    ];

    public static readonly IReadOnlyList<string> QueryStrings =
    [
        "?ReturnUrl=javascript:alert(1)", "?ReturnUrl=//evil.example", "?page=-1", "?page=999999999999",
        "?from=9999-99-99&to=0000-00-00", "?q=%3Cscript%3E", "?sort=Password&desc=1", "?" + new string('x', 10_000),
    ];
}
