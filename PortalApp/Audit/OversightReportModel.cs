using System.Globalization;
using PortalApp.AccessLogging;
using PortalApp.Common;

namespace PortalApp.Audit;

/// <summary>
/// A search: <see cref="Matches"/> is the log's result count, exact within the search's counting window; when more
/// matched, <see cref="MoreMatches"/> says so and the report reads "more than" the window, never the window as a total.
/// </summary>
public sealed record OversightSearch(
    long EntryId, DateTimeOffset AtUtc, string? UserName, string? Purpose, string? Filters,
    int? Matches, bool MoreMatches, int? RowsReturned, string Outcome, bool Flagged)
{
    public string Results => Matches is not { } n ? "-"
        : RowsReturned is not { } rows ? $"{OversightReport.N(n)} matches"
        : $"{OversightReport.N(rows)} shown of {(MoreMatches ? "more than " : "")}{OversightReport.N(n)} matches";
}

public sealed record OversightView(long EntryId, DateTimeOffset AtUtc, string? UserName, string? Target, string? RevealedFields, string? Purpose);

/// <summary>
/// An export: <see cref="People"/> is null when no file was handed over (refused, or withheld as too small), and for a
/// file logged before exports recorded their people.
/// </summary>
public sealed record OversightExport(
    long EntryId, DateTimeOffset AtUtc, string? UserName, string? Purpose, string? Filters,
    int Rows, int? People, string Outcome, bool Flagged)
{
    public bool Delivered => People is not null || (Outcome == AccessOutcomes.Success && Rows > 0);

    public string Results => People is { } people ? $"{OversightReport.N(Rows)} rows, {OversightReport.N(people)} distinct people"
        : Delivered ? $"{OversightReport.N(Rows)} rows, people not recorded"
        : "no file";
}

public sealed record OversightFlag(long EntryId, DateTimeOffset AtUtc, string? UserName, string Action, string? FlagReason, string Outcome, string? Filters);

/// <summary>One user's use; <see cref="PeopleReached"/> counts distinct people viewed or exported.</summary>
public sealed record OversightUser(
    string UserName, int SignIns, int Searches, int RecordsViewed, int DistinctRecords,
    int ExportFiles, int RowsExported, int PeopleReached, int Flagged);

public sealed record OversightField(string Field, int Times);

public sealed record OversightTotals(int DistinctRecords, int ExportFiles, int RowsExported, int PeopleExported, int PeopleReached);

/// <summary>The report; the page and the PDF both print its sentences, so they cannot disagree.</summary>
public sealed record OversightReport(
    DateOnly From, DateOnly To, string? Agency, DateTimeOffset GeneratedUtc, string GeneratedBy, ChainVerification Chain,
    IReadOnlyList<OversightUser> Users, IReadOnlyList<OversightSearch> Searches, IReadOnlyList<OversightView> Views,
    IReadOnlyList<OversightExport> Exports, IReadOnlyList<OversightField> FieldsRevealed, IReadOnlyList<OversightFlag> Flags,
    OversightTotals Totals, IReadOnlyList<DailyHead> DailyHeads)
{
    /// <summary>The report's title: one agency's use, or every agency's.</summary>
    public string Title => Agency is null ? "Oversight report: every outside agency's use of PARS" : $"Oversight report: {Agency}'s use of PARS";

    public const string HeadsExplained =
        "The access log's head as sealed at the end of each day of the period (its last seal that day). Keep this report: "
        + "a later copy of the log that does not pass through these entries with these hashes was cut or rewritten.";

    public static string HeadLine(DailyHead h) =>
        $"{h.Day:yyyy-MM-dd}: seal #{h.Seal} at {Common.PortalTime.Format(h.AtUtc)}, entry {h.HeadEntryId.ToString("N0", CultureInfo.InvariantCulture)} "
        + $"(count {h.EntryCount.ToString("N0", CultureInfo.InvariantCulture)}), hash {h.HeadHash}";

    public int DistinctRecords => Totals.DistinctRecords;

    public string Summary =>
        $"{N(Searches.Count)} searches, {N(Views.Count)} record views of {N(Totals.DistinctRecords)} distinct records, "
        + $"{N(Totals.ExportFiles)} export files ({N(Totals.RowsExported)} rows, {N(Totals.PeopleExported)} distinct people), "
        + $"{N(Totals.PeopleReached)} distinct people reached by views and exports, {N(Flags.Count)} flagged attempts.";

    public static string UserLine(OversightUser u) =>
        $"{u.UserName}: {N(u.SignIns)} sign-ins, {N(u.Searches)} searches, {N(u.RecordsViewed)} records viewed ({N(u.DistinctRecords)} distinct), "
        + $"{N(u.ExportFiles)} export files ({N(u.RowsExported)} rows), {N(u.PeopleReached)} distinct people reached, {N(u.Flagged)} flagged.";

    public static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
