using Microsoft.EntityFrameworkCore;
using Portal.Data;
using PortalApp.Authorization;
using PortalApp.Masking;
using PortalApp.Terms;

namespace PortalApp.Records;

/// <summary>
/// Whether arrest records are offered to the signed-in user, and what the liaison is told about the end of their access:
/// before the cut-off when it comes, after it that it has come.
/// </summary>
public sealed record RecordsOfferState(bool Offered, string? AccessEndsNotice, string? AccessEndedNotice = null)
{
    public static readonly RecordsOfferState NotOffered = new(false, null);
}

/// <summary>What the menu, the dashboard and the records page ask before they offer records.</summary>
public interface IRecordsOffer
{
    Task<RecordsOfferState> ForCurrentUserAsync(CancellationToken ct = default);
}

/// <summary>
/// For the liaison, the answer is the lifecycle of the agreement their access follows (the one the masking policy
/// enforces), so no link offers records the records page would refuse. Other roles follow their capability.
/// </summary>
public sealed class RecordsOffer(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    MaskingPolicyService policies,
    TimeProvider time) : IRecordsOffer
{
    public async Task<RecordsOfferState> ForCurrentUserAsync(CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.SignedIn, ct: ct);
        if (!await capabilities.HasAsync(Policies.BrowseRecords, user, ct))
        {
            return RecordsOfferState.NotOffered;
        }
        if (user.PortalRole() != Roles.AgencyLiaison)
        {
            return new RecordsOfferState(true, null);
        }
        if (await policies.LiaisonAgreementAsync(ct) is not { } agreement)
        {
            return RecordsOfferState.NotOffered;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await LifecycleFacts.LoadAsync(db, [agreement.Id], ct);
        var lifecycle = AgreementLifecycle.Of(agreement, facts[agreement.Id], time.GetUtcNow());
        return new RecordsOfferState(lifecycle.OffersRecords, lifecycle.AccessEndsNotice, lifecycle.OffersRecords ? null : lifecycle.Summary);
    }
}
