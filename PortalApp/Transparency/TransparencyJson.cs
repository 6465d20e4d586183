using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalApp.Transparency;

/// <summary>
/// The record as JSON with stable camelCase names (docs/transparency.md). A suppressed count (1 to 9) is null; a share
/// from fewer than 10 uses is null.
/// </summary>
public static class TransparencyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        // Served as application/json, never inside HTML: quotes and dashes may stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(TransparencyRecord r) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        generatedUtc = r.GeneratedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        smallCounts = $"Counts from 1 to 9 are null (the page shows \"{SmallCounts.FewerThanTen}\"); a share from fewer than 10 uses is null.",
        agencyHours = r.AgencyHours,
        rationales = "Not published.",
        agreements = r.Agreements.Select(a => new
        {
            reference = a.Reference, agency = a.Agency, counterparty = a.Counterparty, status = a.Status, effectiveDate = Day(a.EffectiveDate), endDate = Day(a.EndDate),
        }),
        ballots = r.Ballots.Select(b => new
        {
            agreement = b.Agreement, term = b.Term, decision = b.Outcome.ToString(), byDefault = b.ByDefault, tally = b.Tally,
            decidedDate = Day(b.DecidedDate), votes = b.Votes.Select(v => new { party = v.Party.ToString(), vote = v.Vote }),
        }),
        letters = r.Letters.Select(l => new
        {
            number = l.Number, issuedDate = Day(l.IssuedDate), kind = l.Kind.ToString(), agreement = l.Agreement, verifyPath = l.VerifyPath,
        }),
        monthlyUse = r.Use.Select(u => new
        {
            agency = u.Agency, agreement = u.Agreement, month = u.MonthText,
            searches = SmallCounts.Value(u.Searches), peopleViewed = SmallCounts.Value(u.PeopleViewed),
            rowsExported = SmallCounts.Value(u.RowsExported), refusedOrFlagged = SmallCounts.Value(u.RefusedOrFlagged),
            outsideHoursPercent = u.OutsideHoursPercent,
        }),
        dailyHeads = r.DailyHeads.Select(h => new
        {
            date = Day(h.Day), seal = h.Seal, entryId = h.HeadEntryId, entryCount = h.EntryCount, hash = h.HeadHash,
        }),
    }, Options);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
