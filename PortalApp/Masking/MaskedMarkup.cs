using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace PortalApp.Masking;

/// <summary>
/// A value as the role may see it, as one piece of HTML: masked values carry a lock and say which policy masked them.
/// One markup frame instead of a dozen elements, attributes and an icon component per value: a page of records holds
/// ninety values, and every frame is kept twice (current and previous tree) for as long as the circuit lives.
/// The value is already masked by the masking service; here it is only escaped.
/// </summary>
public static class MaskedMarkup
{
    private const string Lock =
        "<svg class=\"mud-icon-root mud-svg-icon mud-secondary-text mud-icon-size-small\" style=\"vertical-align:text-bottom\" focusable=\"false\" " +
        "viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\" aria-label=\"masked\">" + Icons.Material.Filled.Lock + "</svg>";

    public static MarkupString Of(MaskedField field, string source, bool showNote = false) => new(Write(new StringBuilder(), field, source, showNote).ToString());

    /// <summary>A link to a person's record around their (masked) name.</summary>
    public static MarkupString PersonLink(int personId, MaskedField name, string source)
    {
        var html = new StringBuilder("<a href=\"/records/").Append(personId)
            .Append("\" data-testid=\"record-link\" class=\"mud-typography mud-link mud-primary-text mud-link-underline-hover\">");
        return new(Write(html, name, source, showNote: false).Append("</a>").ToString());
    }

    private static StringBuilder Write(StringBuilder html, MaskedField field, string source, bool showNote)
    {
        if (!field.IsMasked)
        {
            foreach (var line in field.Text.Split('\n'))
            {
                Escaped(html.Append("<span class=\"d-block\">"), line).Append("</span>");
            }
            return html;
        }
        Escaped(html.Append("<span class=\"masked-value\" title=\"Masked for your role by "), source).Append("\" data-testid=\"masked\">");
        Escaped(html.Append(Lock).Append(' '), field.Text);
        if (showNote)
        {
            Escaped(html.Append("<span class=\"mud-typography mud-typography-caption d-block mud-text-secondary\">masked for your role by "), source).Append("</span>");
        }
        return html.Append("</span>");
    }

    /// <summary>
    /// Escapes text for an element's content or a double-quoted attribute: the five characters HTML gives meaning, and
    /// only those. WebUtility and HtmlEncoder also turn accented and other non-ASCII letters into numeric references, so
    /// a value would reach the browser spelled differently from the database, and the leak tests, which look for raw
    /// values in the page and the circuit's frames, could miss it.
    /// </summary>
    private static StringBuilder Escaped(StringBuilder html, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }
        return html;
    }
}
