using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Live;

namespace PortalApp.Users;

/// <summary>
/// Accounts are created and managed here by an Admin; there is no self-registration. Every change to an existing account
/// renews its security stamp and revokes it (<see cref="AccountStanding.Revoke"/>), so its open sessions end at once.
/// </summary>
public sealed partial class UserAdminService(
    IDbContextFactory<Portal.Data.PortalDbContext> dbFactory,
    UserManager<PortalUser> userManager,
    Capabilities capabilities,
    AccessLog accessLog,
    AccountStanding standing,
    ClusterLease lease,
    SignInThrottles throttles,
    TimeProvider time)
{
    public static readonly IReadOnlyList<string> Parties = Enum.GetNames<Party>();

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ManageUsers, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One query for every account with its role and party, not two more per account.
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new
        {
            u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.TwoFactorEnabled,
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            Party = db.UserClaims.Where(c => c.UserId == u.Id && c.ClaimType == Roles.PartyClaim).Select(c => c.ClaimValue).FirstOrDefault(),
            u.AgencyId,
            Agency = db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => a.ShortName).FirstOrDefault(),
        }).ToListAsync(ct);
        var now = time.GetUtcNow();
        var lockedAddresses = await throttles.LockedAddressesAsync(ct);
        // From the access log, the record an auditor reads, not a column that could say otherwise.
        var emails = users.Select(u => u.Email).ToList();
        var lastSignIns = await db.AccessLog.AsNoTracking()
            .Where(e => e.Action == AccessActions.SignIn && e.Outcome == AccessOutcomes.Success && emails.Contains(e.UserName))
            .GroupBy(e => e.UserName).Select(g => new { g.Key, Last = g.Max(e => e.AtUtc) })
            .ToDictionaryAsync(g => g.Key ?? "", g => g.Last, ct);
        return users.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, u.Role, u.Party, u.AgencyId, u.Agency,
            u.LockoutEnd is { } end && end > now, lockedAddresses.GetValueOrDefault(SignInThrottles.Normalize(u.Email ?? "")),
            u.TwoFactorEnabled, lastSignIns.TryGetValue(u.Email ?? "", out var last) ? last : null)).ToList();
    }

    public async Task<OperationResult> CreateAsync(NewUser input, CancellationToken ct = default)
    {
        var admin = await capabilities.RequireAsync(Policies.ManageUsers, ct: ct);
        var agency = await AgencyAsync(input.Role, input.AgencyId, ct);
        var problem = InputRules.First(
            InputRules.Problem(input.Email, "Email", 256),
            InputRules.Problem(input.DisplayName, "Display name", 200),
            InputRules.Problem(input.Password, "Password", 200),
            ValidateRoleAndParty(input.Role, input.Party),
            agency.Problem);
        if (problem is not null)
        {
            return OperationResult.Fail(problem);
        }
        var user = new PortalUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            CreatedUtc = time.GetUtcNow(),
            AgencyId = input.AgencyId,
        };
        var created = await userManager.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return OperationResult.Fail(created);
        }
        await userManager.AddToRoleAsync(user, input.Role);
        if (input.Party is not null)
        {
            await userManager.AddClaimAsync(user, new Claim(Roles.PartyClaim, input.Party));
        }
        await accessLog.AppendAsync(new AccessEvent(AccessActions.UserCreate) { Actor = admin, Target = $"user {user.Email} role {input.Role}{PartyText(input.Party)}{agency.Text}" }, ct);
        // Failures typed against this name before it existed must not greet the new owner with a lock.
        await throttles.ReleaseAsync(user.Email, ct);
        return OperationResult.Ok($"Created {user.Email}.");
    }

    private static string? ValidateRoleAndParty(string role, string? party)
    {
        if (!Roles.All.Contains(role))
        {
            return "Choose one of the portal's roles.";
        }
        if (role == Roles.Stakeholder && (party is null || !Parties.Contains(party)))
        {
            return "A stakeholder must belong to one of the signatory parties.";
        }
        if (role != Roles.Stakeholder && party is not null)
        {
            return "Only stakeholders belong to a signatory party.";
        }
        return null;
    }

    private static string PartyText(string? party) => party is null ? "" : $" ({party})";

    /// <summary>
    /// A liaison works for exactly one agency that exists; no other role belongs to one. Read once: the refusal, or the
    /// words (" of FBI") the message and the log entry give the agency.
    /// </summary>
    private async Task<(string? Problem, string Text)> AgencyAsync(string role, int? agencyId, CancellationToken ct)
    {
        if (role != Roles.AgencyLiaison)
        {
            return (agencyId is null ? null : "Only agency liaisons belong to an agency.", "");
        }
        if (agencyId is not { } id)
        {
            return ("An agency liaison must belong to an agency: choose one.", "");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Agencies.Where(a => a.Id == id).Select(a => a.ShortName).FirstOrDefaultAsync(ct) is { } shortName
            ? (null, $" of {shortName}")
            : ("That agency does not exist: choose one of the list.", "");
    }
}
