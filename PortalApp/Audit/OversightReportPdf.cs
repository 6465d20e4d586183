using PortalApp.Hosting;

namespace PortalApp.Audit;

/// <summary>The oversight report as a PDF, in the same order as the printable page.</summary>
public static class OversightReportPdf
{
    public static byte[] Render(OversightReport r)
    {
        using var pdf = new PdfTextLayout();
        pdf.Paragraph("Portal · access log oversight", 9);
        pdf.Paragraph(r.Title, 16, bold: true);
        pdf.Paragraph($"Period {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd} (city time, both days included). Generated {PortalTime.Format(r.GeneratedUtc)} by {r.GeneratedBy}.");
        pdf.Paragraph($"Access log verification at generation: {r.Chain.Message}");
        pdf.Heading("Sealed heads of the access log");
        pdf.Paragraph(OversightReport.HeadsExplained);
        Lines(pdf, r.DailyHeads, OversightReport.HeadLine, "No seal was made in the period.");
        pdf.Rule();

        pdf.Heading("Summary");
        pdf.Paragraph(r.Summary);
        foreach (var u in r.Users)
        {
            pdf.Paragraph(OversightReport.UserLine(u), indent: 12);
        }

        pdf.Heading("Fields revealed unmasked");
        Lines(pdf, r.FieldsRevealed, f => $"{f.Field}: {f.Times} times", "No field was revealed unmasked.");

        pdf.Heading($"Flagged attempts ({r.Flags.Count})");
        Lines(pdf, r.Flags, f => $"#{f.EntryId} {PortalTime.Format(f.AtUtc)} · {f.UserName} · {f.Action} ({f.Outcome}) · {f.FlagReason}{(f.Filters is null ? "" : $" · filters: {f.Filters}")}", "None.");

        pdf.Heading($"Searches ({r.Searches.Count})");
        Lines(pdf, r.Searches, s => $"#{s.EntryId} {PortalTime.Format(s.AtUtc)} · {s.UserName} · purpose: {s.Purpose ?? "none stated"} · filters: {s.Filters ?? "none"} · {s.Results} · {s.Outcome}{(s.Flagged ? " · FLAGGED" : "")}", "None.");

        pdf.Heading($"Exports ({r.Exports.Count})");
        Lines(pdf, r.Exports, x => $"#{x.EntryId} {PortalTime.Format(x.AtUtc)} · {x.UserName} · purpose: {x.Purpose ?? "none stated"} · filters: {x.Filters ?? "none"} · {x.Results} · {x.Outcome}{(x.Flagged ? " · FLAGGED" : "")}", "None.");

        pdf.Heading($"Records viewed ({r.Views.Count})");
        Lines(pdf, r.Views, v => $"#{v.EntryId} {PortalTime.Format(v.AtUtc)} · {v.UserName} · {v.Target} · revealed: {v.RevealedFields ?? "none"} · purpose: {v.Purpose ?? "none stated"}", "None.");

        return pdf.Build($"Oversight report {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd}");
    }

    private static void Lines<T>(PdfTextLayout pdf, IReadOnlyList<T> items, Func<T, string> line, string empty)
    {
        if (items.Count == 0)
        {
            pdf.Paragraph(empty);
        }
        foreach (var item in items)
        {
            pdf.Paragraph(line(item), 8.5, indent: 12);
        }
    }
}
