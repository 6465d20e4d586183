using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Notifications;

namespace PortalApp.Letters;

/// <summary>Who hears that a letter was issued: every stakeholder, the Solicitor and oversight, each in their own bell.</summary>
public static class LetterNotices
{
    public static readonly IReadOnlyList<string> IssuedAudience = [Roles.Stakeholder, Roles.Solicitor, Roles.Auditor];

    /// <summary>One notification per audience role (a notification names one role), inside the issuing transaction.</summary>
    public static void Issued(PortalDbContext db, Letter letter, string agreementReference, DateTimeOffset effectiveUtc, DateTimeOffset now)
    {
        var what = LetterKinds.EndsAccess(letter.Kind)
            ? $"access ends {PortalTime.Format(effectiveUtc)}"
            : $"the new term begins {PortalTime.Format(effectiveUtc)}";
        var text = $"{letter.Number} issued: {LetterKinds.Title(letter.Kind).ToLowerInvariant()} of {agreementReference}, {what}";
        foreach (var role in IssuedAudience)
        {
            Notices.Post(db, now, text, CapabilityMap.Allows(role, Policies.ReadLetters) ? $"/letters/{letter.Id}" : null, role);
        }
    }
}
