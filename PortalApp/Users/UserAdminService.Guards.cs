using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Live;

namespace PortalApp.Users;

public sealed partial class UserAdminService
{
    /// <summary>Account changes on this instance, one at a time (the cluster lease does the same across instances).</summary>
    private static readonly SemaphoreSlim OneChangeAtATime = new(1, 1);

    /// <summary>
    /// One change to an existing account. The log entry is written before the change: if the log cannot be written,
    /// nothing changes. The refusal is checked and the change made while no other account change runs, so two Admins
    /// cannot each lock the other at once and leave the portal with none.
    /// </summary>
    private async Task<OperationResult> ChangeAsync(
        string userId, string action, Func<PortalUser, Task<string?>> refusal, Func<PortalUser, Task<OperationResult>> change,
        Func<PortalUser, string>? target = null, bool revokes = true, CancellationToken ct = default)
    {
        var admin = await capabilities.RequireAsync(Policies.ManageUsers, ct: ct);
        var result = OperationResult.Fail("That account does not exist.");
        await OneChangeAtATime.WaitAsync(ct);
        try
        {
            await lease.RunAloneAsync(ClusterDuty.AccountChanges, async () =>
            {
                var user = await userManager.FindByIdAsync(userId);
                if (user is null)
                {
                    return;
                }
                if (await refusal(user) is { } problem)
                {
                    result = OperationResult.Fail(problem);
                    return;
                }
                await accessLog.AppendAsync(new AccessEvent(action) { Actor = admin, Target = target?.Invoke(user) ?? $"user {user.Email}" }, ct);
                result = await change(user);
                if (revokes)
                {
                    standing.Revoke(user.Id);
                }
            }, ct);
        }
        finally
        {
            OneChangeAtATime.Release();
        }
        return result;
    }

    /// <summary>Someone must always be able to manage the portal: the last active Admin keeps that role and stays unlocked.</summary>
    private async Task<string?> LastAdminRefusalAsync(PortalUser user, string verb, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Read fresh, not through the circuit's long-lived UserManager, whose tracked accounts may be stale.
        var admins = await db.UserRoles
            .Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))
            .Join(db.Users, ur => ur.UserId, u => u.Id, (_, u) => new { u.Id, u.LockoutEnd })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        var active = admins.Where(a => !(a.LockoutEnd is { } end && end > now)).Select(a => a.Id).ToList();
        if (!active.Contains(user.Id) || active.Count > 1)
        {
            return null;
        }
        return $"You cannot {verb} {user.Email}: it is the last active Admin account, and nobody could manage the portal. " +
            "Make another account Admin first.";
    }

    private async Task<string?> SeatRefusalAsync(PortalUser user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Seats.AnyAsync(s => s.PrimaryUserId == user.Id || s.AlternateUserId == user.Id, ct)
            ? $"{user.Email} holds a party's seat on the agreements' ballots. Lock the account instead, or give the seat to someone else first."
            : null;
    }
}
