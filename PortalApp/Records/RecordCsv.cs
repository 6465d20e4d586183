using CsvHelper;
using PortalApp.Masking;

namespace PortalApp.Records;

/// <summary>Writes masked rows as CSV: the same masked strings the screen shows, nothing else.</summary>
public static class RecordCsv
{
    // A cell starting with = + - @ would run as a formula in a spreadsheet; escape it.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    private static readonly string[] Header = ["Role", "Name", "Date of birth", "Sex", "Place of birth", "DC number", "Arrested", "District", "Charges"];

    /// <summary>Writes the header at once, then each chunk of rows as it comes, flushing after each.</summary>
    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<IReadOnlyList<RecordRow>> chunks, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        await csv.WriteRecordAsync(Header, ct);
        await csv.FlushAsync(ct);
        await foreach (var rows in chunks.WithCancellation(ct))
        {
            foreach (var r in rows)
            {
                await csv.WriteRecordAsync([r.Role.ToString(), .. new[] { r.Name, r.DateOfBirth, r.Sex, r.PlaceOfBirth, r.DcNumber, r.ArrestDate, r.District, r.Charges }
                    .Select(f => f.Text.Replace('\n', ';'))], ct);
            }
            await csv.FlushAsync(ct);
        }
    }
}
