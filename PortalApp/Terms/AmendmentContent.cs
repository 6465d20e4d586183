using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Data.Entities;

namespace PortalApp.Terms;

/// <summary>The content hash that binds a ballot to the exact amendment it decides on.</summary>
public static class AmendmentContent
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Hash(Amendment a)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            a.Number,
            a.Title,
            EffectiveDate = a.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            a.Summary,
            VisibleRoles = a.Schedule.VisibleRoles.Order().Select(r => r.ToString()),
            Fields = a.Schedule.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"),
            a.Schedule.IncludesImmigrationStatus,
        }, Json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
