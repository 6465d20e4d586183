using System.Security.Claims;
using Portal.Data.Entities;
using PortalApp.AccessLogging;

namespace PortalApp.Letters;

/// <summary>How letter actions are named in the access log and on the agreement's timeline.</summary>
public static class LetterEvents
{
    public static AccessEvent Access(ClaimsPrincipal user, Letter letter, string verb, string outcome = AccessOutcomes.Success) =>
        new(AccessActions.LetterAction, outcome)
        {
            Actor = user,
            Target = $"letter {letter.Id}{(letter.Number is null ? "" : $" {letter.Number}")} ({letter.Kind}, agreement {letter.AgreementId}): {verb}",
            ResultCount = 1,
        };

    /// <summary>What an issuance entry records of the PDF; <see cref="Audit.AccessLogVerifier"/> reads it back.</summary>
    public static string IssuedFilters(Letter letter) =>
        $"letter={letter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}; sha256={letter.PdfSha256}";

    public static AgreementEvent Timeline(Letter letter, string kind, string summary, ClaimsPrincipal? user, DateTimeOffset now) => new()
    {
        AgreementId = letter.AgreementId,
        AtUtc = now,
        Kind = kind,
        Summary = summary,
        ActorUserName = user?.Identity?.Name,
    };

    public static string Describe(Letter letter) =>
        $"{LetterKinds.Title(letter.Kind).ToLowerInvariant()} letter{(letter.Number is null ? $" #{letter.Id}" : $" {letter.Number}")}";
}
