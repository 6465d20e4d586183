using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Portal.Data.Entities;
using PortalApp.Common;

namespace PortalApp.Ballots;

/// <summary>What a voter keeps to prove their vote: the hash covers every field and the ballot's previous receipt.</summary>
public sealed record VoteReceipt(
    int BallotId,
    string AgreementReference,
    Party Seat,
    VoteChoice Choice,
    string CastBy,
    bool CastByAlternate,
    DateTimeOffset CastUtc,
    string Hash)
{
    public string CastByLabel => CastByAlternate ? $"{CastBy} (alternate)" : CastBy;

    public string CastUtcText => VoteReceipts.FormatUtc(CastUtc);

    /// <summary>The city's clock, to the second: a vote cast on a December evening reads that evening, not the next day.</summary>
    public string CastCityText => PortalTime.ToCity(CastUtc).ToString("MMM d, yyyy h:mm:ss tt", CultureInfo.InvariantCulture) + " ET";
}

public static class VoteReceipts
{
    private const long HundredthTicks = TimeSpan.TicksPerMillisecond * 10;

    /// <summary>Receipts and votes keep time to the hundredth of a second.</summary>
    public static DateTimeOffset ToHundredth(DateTimeOffset utc) =>
        new(utc.UtcTicks - utc.UtcTicks % HundredthTicks, TimeSpan.Zero);

    public static string FormatUtc(DateTimeOffset utc) =>
        utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ff'Z'", CultureInfo.InvariantCulture);

    public static string Hash(Vote vote, string amendmentHash, string previousReceiptHash)
    {
        var rationaleHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(vote.Rationale)));
        var canonical = string.Join('|',
            "portal-vote-receipt-v1",
            $"ballot={vote.BallotId.ToString(CultureInfo.InvariantCulture)}",
            $"amendment={amendmentHash}",
            $"seat={vote.Party}",
            $"choice={vote.Choice}",
            $"cast-by={vote.CastByUserName}",
            $"alternate={(vote.CastByAlternate ? "yes" : "no")}",
            $"at={FormatUtc(vote.CastUtc)}",
            $"rationale-sha256={rationaleHash}",
            $"previous={previousReceiptHash}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
