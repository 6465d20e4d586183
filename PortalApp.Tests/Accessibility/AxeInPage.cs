using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace PortalApp.Tests.Accessibility;

/// <summary>
/// axe-core run in a page, its script put in once per page. Deque's <c>RunAxe</c> puts the 550 KB script into the page
/// again at every run and sends back every pass's nodes: about 1.5 s a run whatever the rules, most of a page check's
/// time when a page is checked six times. Our pages have no frames, so <c>axe.run</c> on the document sees everything.
/// </summary>
public static class AxeInPage
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe-core's script is not in Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>WCAG 2.1 A and AA; only violations are detailed.</summary>
    public static readonly object EveryRule = new
    {
        runOnly = new { type = "tag", values = new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa" } },
        resultTypes = new[] { "violations" },
    };

    /// <summary>The WCAG 2.1 A and AA rules that depend on colours (axe's "cat.color" rules but the AAA one).</summary>
    public static readonly object ColourRules = new
    {
        runOnly = new { type = "rule", values = new[] { "color-contrast", "link-in-text-block" } },
        resultTypes = new[] { "violations" },
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Violation(string Id, string Help, string[] Targets)
    {
        /// <summary>One line naming the rule, where it was found (a theme, a size) if given, and its first elements.</summary>
        public string Line(string? where = null) =>
            $"{Id}{(where is null ? "" : $" ({where})")}: {Help} at {string.Join(" | ", Targets)}";
    }

    /// <summary>Asserts no WCAG 2.1 A or AA violation on the page as it is; <paramref name="where"/> is named in each line.</summary>
    public static async Task AssertNoneAsync(IPage page, string? where = null)
    {
        var violations = await ViolationsAsync(page, EveryRule);
        Assert.True(violations.Count == 0, string.Join("\n", violations.Select(v => v.Line(where))));
    }

    public static async Task<IReadOnlyList<Violation>> ViolationsAsync(IPage page, object options)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated, not added as a script tag: the portal's Content-Security-Policy refuses inline scripts.
            await page.EvaluateAsync(Source.Value);
        }
        var json = await page.EvaluateAsync<string>("""
            async options => {
              const result = await axe.run(document, options);
              return JSON.stringify(result.violations.map(v => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })));
            }
            """, options);
        return JsonSerializer.Deserialize<Violation[]>(json, Json) ?? [];
    }
}
