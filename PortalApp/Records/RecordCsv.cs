using CsvHelper;
using PortalApp.Masking;

namespace PortalApp.Records;

/// <summary>Writes masked rows as CSV: the same masked strings the screen shows, nothing else.</summary>
public static class RecordCsv
{
    // A cell starting with = + - @ would run as a formula in a spreadsheet; escape it.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static byte[] Write(IEnumerable<RecordRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteRecord(["Role", "Name", "Date of birth", "Sex", "Place of birth", "DC number", "Arrested", "District", "Charges"]);
            foreach (var r in rows)
            {
                csv.WriteRecord([r.Role.ToString(), .. new[] { r.Name, r.DateOfBirth, r.Sex, r.PlaceOfBirth, r.DcNumber, r.ArrestDate, r.District, r.Charges }
                    .Select(f => f.Text.Replace('\n', ';'))]);
            }
        }
        return buffer.ToArray();
    }
}
