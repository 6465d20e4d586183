using System.Globalization;
using CsvHelper;

namespace PortalApp.Transparency;

/// <summary>
/// The record as one CSV: one header, a <c>section</c> column (agreement, ballot, letter, monthly_use, daily_head) and
/// the columns each section fills; the others stay empty. Counts are written as the page prints them.
/// </summary>
public static class TransparencyCsv
{
    public static readonly string[] Header =
    [
        "section", "agreement", "agency", "counterparty", "status", "effective_date", "end_date",
        "term", "decision", "tally", "decided_date", "vote_city", "vote_district_attorney", "vote_courts",
        "letter_number", "issued_date", "kind", "verify_path",
        "month", "searches", "people_viewed", "rows_exported", "refused_or_flagged", "outside_hours_percent",
        "date", "seal", "entry_id", "entry_count", "hash",
    ];

    public static byte[] Write(TransparencyRecord record)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(Header);
            foreach (var a in record.Agreements)
            {
                csv.WriteRecord(Row("agreement", new() { ["agreement"] = a.Reference, ["agency"] = a.Agency, ["counterparty"] = a.Counterparty, ["status"] = a.Status,
                    ["effective_date"] = Day(a.EffectiveDate), ["end_date"] = Day(a.EndDate) }));
            }
            foreach (var b in record.Ballots)
            {
                var cells = new Dictionary<string, string> { ["agreement"] = b.Agreement, ["term"] = b.Term, ["decision"] = b.Decision,
                    ["tally"] = b.Tally, ["decided_date"] = Day(b.DecidedDate) };
                foreach (var v in b.Votes)
                {
                    cells[VoteColumn(v.Party)] = v.Vote;
                }
                csv.WriteRecord(Row("ballot", cells));
            }
            foreach (var l in record.Letters)
            {
                csv.WriteRecord(Row("letter", new() { ["agreement"] = l.Agreement, ["letter_number"] = l.Number, ["issued_date"] = Day(l.IssuedDate),
                    ["kind"] = l.Kind.ToString(), ["verify_path"] = l.VerifyPath }));
            }
            foreach (var u in record.Use)
            {
                csv.WriteRecord(Row("monthly_use", new() { ["agreement"] = u.Agreement, ["agency"] = u.Agency, ["month"] = u.MonthText,
                    ["searches"] = Count(u.Searches), ["people_viewed"] = Count(u.PeopleViewed), ["rows_exported"] = Count(u.RowsExported),
                    ["refused_or_flagged"] = Count(u.RefusedOrFlagged),
                    ["outside_hours_percent"] = u.OutsideHoursPercent?.ToString(CultureInfo.InvariantCulture) ?? "" }));
            }
            foreach (var h in record.DailyHeads)
            {
                csv.WriteRecord(Row("daily_head", new() { ["date"] = Day(h.Day), ["seal"] = Number(h.Seal), ["entry_id"] = Number(h.HeadEntryId),
                    ["entry_count"] = Number(h.EntryCount), ["hash"] = h.HeadHash }));
            }
        }
        return buffer.ToArray();
    }

    public static string VoteColumn(Portal.Data.Entities.Party party) => party switch
    {
        Portal.Data.Entities.Party.City => "vote_city",
        Portal.Data.Entities.Party.DistrictAttorney => "vote_district_attorney",
        _ => "vote_courts",
    };

    private static string[] Row(string section, Dictionary<string, string> cells) =>
        [.. Header.Select(column => column == "section" ? section : cells.GetValueOrDefault(column, ""))];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>As the page prints it, without thousands separators: "0", "1234" or "fewer than 10".</summary>
    private static string Count(long n) => SmallCounts.Suppressed(n) ? SmallCounts.FewerThanTen : Number(n);
}
