using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Portal.Data.Entities;

namespace PortalApp.AccessLogging;

/// <summary>The hash of an entry: every column but Hash, in a fixed order, joined by a unit separator.</summary>
public static class AccessLogHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AccessLogEntry e)
    {
        var canonical = string.Join('\u001f',
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.AtUtc.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.UserId, e.UserName, e.Role, e.PartyOrAgency, e.Action, e.Target, e.Filters,
            e.ResultCount?.ToString(CultureInfo.InvariantCulture), e.RevealedFields, e.Outcome,
            e.Flagged ? "1" : "0", e.FlagReason, e.ClientAddress, e.Source, e.Purpose, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
