using PortalApp.Pdf;
using UglyToad.PdfPig.Content;
using PortalApp.Common;

namespace PortalApp.Audit;

/// <summary>The oversight report as a PDF on A4, in the same order as the printable page.</summary>
public static class OversightReportPdf
{
    private const double Margin = 50, Text = 9.5, Item = 8.5, Indent = 12;

    public static byte[] Render(OversightReport r)
    {
        var typeface = ReportTypeface.Find();
        using var measure = new TextMeasure(typeface);
        var pdf = new TextFlow(PageFrame.WithMargin(PageSize.A4, Margin, LineSpacing.BeforeEachLine), measure);
        Paragraph(pdf, "Portal · access log oversight", 9);
        Paragraph(pdf, r.Title, 16, TextStyle.Bold);
        Paragraph(pdf, $"Period {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd} (city time, both days included). Generated {PortalTime.Format(r.GeneratedUtc)} by {r.GeneratedBy}.");
        Paragraph(pdf, $"Access log verification at generation: {r.Chain.Message}");
        Heading(pdf, "Sealed heads of the access log");
        Paragraph(pdf, OversightReport.HeadsExplained);
        Lines(pdf, r.DailyHeads, OversightReport.HeadLine, "No seal was made in the period.");
        pdf.Rule(0.5, 4);

        Heading(pdf, "Summary");
        Paragraph(pdf, r.Summary);
        foreach (var u in r.Users)
        {
            Paragraph(pdf, OversightReport.UserLine(u), indent: Indent);
        }

        Heading(pdf, "Fields revealed unmasked");
        Lines(pdf, r.FieldsRevealed, f => $"{f.Field}: {f.Times} times", "No field was revealed unmasked.");

        Heading(pdf, $"Flagged attempts ({r.Flags.Count})");
        Lines(pdf, r.Flags, f => $"#{f.EntryId} {PortalTime.Format(f.AtUtc)} · {f.UserName} · {f.Action} ({f.Outcome}) · {f.FlagReason}{(f.Filters is null ? "" : $" · filters: {f.Filters}")}", "None.");

        Heading(pdf, $"Searches ({r.Searches.Count})");
        Lines(pdf, r.Searches, s => $"#{s.EntryId} {PortalTime.Format(s.AtUtc)} · {s.UserName} · purpose: {s.Purpose ?? "none stated"} · filters: {s.Filters ?? "none"} · {s.Results} · {s.Outcome}{(s.Flagged ? " · FLAGGED" : "")}", "None.");

        Heading(pdf, $"Exports ({r.Exports.Count})");
        Lines(pdf, r.Exports, x => $"#{x.EntryId} {PortalTime.Format(x.AtUtc)} · {x.UserName} · purpose: {x.Purpose ?? "none stated"} · filters: {x.Filters ?? "none"} · {x.Results} · {x.Outcome}{(x.Flagged ? " · FLAGGED" : "")}", "None.");

        Heading(pdf, $"Records viewed ({r.Views.Count})");
        Lines(pdf, r.Views, v => $"#{v.EntryId} {PortalTime.Format(v.AtUtc)} · {v.UserName} · {v.Target} · revealed: {v.RevealedFields ?? "none"} · purpose: {v.Purpose ?? "none stated"}", "None.");

        Footers(pdf, $"Oversight report {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd}");
        return PdfPages.Write(pdf.Layout(), typeface);
    }

    private static void Heading(TextFlow pdf, string text, double size = 13)
    {
        pdf.Y += size * 0.6;
        Paragraph(pdf, text, size, TextStyle.Bold);
        pdf.Y += 2;
    }

    private static void Paragraph(TextFlow pdf, string text, double size = Text, TextStyle style = TextStyle.Regular, double indent = 0) =>
        pdf.Paragraph(text, size, style, size * 1.35, indent);

    private static void Lines<T>(TextFlow pdf, IReadOnlyList<T> items, Func<T, string> line, string empty)
    {
        if (items.Count == 0)
        {
            Paragraph(pdf, empty);
        }
        foreach (var item in items)
        {
            Paragraph(pdf, line(item), Item, indent: Indent);
        }
    }

    private static void Footers(TextFlow pdf, string footer)
    {
        var bottom = PageFrame.Dimensions(PageSize.A4).Height - Margin / 2;
        for (var page = 1; page <= pdf.Page; page++)
        {
            pdf.Place(new PlacedText(page, Margin, bottom, 8, TextStyle.Regular, $"{footer} · page {page} of {pdf.Page}"));
        }
    }
}
