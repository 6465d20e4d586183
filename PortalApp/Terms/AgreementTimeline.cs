using Portal.Data;
using Portal.Data.Entities;

namespace PortalApp.Terms;

/// <summary>The kinds of step an agreement's timeline records, and the one way to add one.</summary>
public static class AgreementTimeline
{
    public const string Created = "created";
    public const string Edited = "edited";
    public const string Amended = "amended";
    public const string BallotOpened = "ballot-opened";
    public const string Vote = "vote";
    public const string VoteChanged = "vote-changed";
    public const string Recusal = "recusal";
    public const string Decision = "decision";
    public const string Renewed = "renewed";
    public const string Adopted = "adopted";
    public const string Reminder = "reminder";

    public static void Add(PortalDbContext db, int agreementId, DateTimeOffset atUtc, string kind, string summary, string? actor = null) =>
        db.AgreementEvents.Add(new AgreementEvent
        {
            AgreementId = agreementId,
            AtUtc = atUtc,
            Kind = kind,
            Summary = summary,
            ActorUserName = actor,
        });
}
