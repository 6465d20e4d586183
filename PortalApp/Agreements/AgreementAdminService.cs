using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Live;
using PortalApp.Terms;

namespace PortalApp.Agreements;

/// <summary>An Admin's changes to agreements: create, edit, amend, open a ballot. Each is logged and put on the timeline.</summary>
public sealed partial class AgreementAdminService(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    BallotNotifier notifier,
    TimeProvider time)
{
    public async Task<IReadOnlyList<SeatCandidate>> SeatCandidatesAsync(CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from c in db.UserClaims
                          where c.ClaimType == Roles.PartyClaim
                          join u in db.Users on c.UserId equals u.Id
                          orderby u.Email
                          select new { u.Id, u.DisplayName, u.Email, c.ClaimValue }).ToListAsync(ct);
        return rows.Where(r => Enum.TryParse<Party>(r.ClaimValue, out _))
            .Select(r => new SeatCandidate(r.Id, $"{r.DisplayName} <{r.Email}>", Enum.Parse<Party>(r.ClaimValue!))).ToList();
    }

    public async Task<AgreementForm?> FormForAsync(int id, CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.Agreements.AsNoTracking().Include(x => x.Seats).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }
        var form = new AgreementForm
        {
            Reference = a.Reference, Title = a.Title, AgencyId = a.AgencyId, Counterparty = a.Counterparty, CounterpartyAddress = a.CounterpartyAddress,
            EffectiveDate = a.EffectiveDate.ToDateTime(TimeOnly.MinValue), ExpiryDate = a.ExpiryDate.ToDateTime(TimeOnly.MinValue),
            NoticePeriodDays = a.NoticePeriodDays, RenewalTermMonths = a.RenewalTermMonths, Status = a.Status,
            MaxPeoplePerHour = a.MaxPeoplePerHour, MaxPeoplePerDay = a.MaxPeoplePerDay,
        };
        foreach (var seat in a.Seats)
        {
            form.Primary[seat.Party] = seat.PrimaryUserId;
            form.Alternate[seat.Party] = seat.AlternateUserId;
        }
        return form;
    }

    public async Task<(OperationResult Result, int? Id)> CreateAsync(AgreementForm form, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = await ValidateAsync(db, form, null, ct);
        if (errors.Count > 0)
        {
            return (OperationResult.Fail(string.Join(" ", errors)), null);
        }
        var now = time.GetUtcNow();
        var original = new Amendment
        {
            Number = 0,
            Title = "Original agreement",
            EffectiveDate = DateOnly.FromDateTime(form.EffectiveDate!.Value),
            Summary = "As signed. The data schedule starts closed; an amendment opens what the agency may see.",
            Schedule = new DataSchedule(),
        };
        original.ContentHash = AmendmentContent.Hash(original);
        var agreement = new Agreement { Amendments = [original] };
        Apply(form, agreement);
        db.Agreements.Add(agreement);
        await using var tx = await ChainTransaction.BeginAsync(db, ct);
        await db.SaveChangesAsync(ct);
        AgreementTimeline.Add(db, agreement.Id, now, AgreementTimeline.Created, $"Agreement {agreement.Reference} created with {agreement.Counterparty}.", user.Identity?.Name);
        await db.SaveChangesAsync(ct);
        await LogAsync(db, user, AccessActions.AgreementChange, agreement, "created", ct);
        await tx.CommitAsync(ct);
        notifier.Publish(new BallotChange(BallotChangeKind.AgreementChanged, agreement.Id, null));
        return (OperationResult.Ok($"Agreement {agreement.Reference} created."), agreement.Id);
    }

    public async Task<OperationResult> UpdateAsync(int id, AgreementForm form, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agreement = await db.Agreements.Include(a => a.Seats).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return OperationResult.Fail($"Agreement {id} does not exist.");
        }
        var errors = await ValidateAsync(db, form, id, ct);
        if (errors.Count > 0)
        {
            return OperationResult.Fail(string.Join(" ", errors));
        }
        var before = Describe(agreement);
        Apply(form, agreement);
        var changed = Describe(agreement).Where(kv => before[kv.Key] != kv.Value)
            .Select(kv => $"{kv.Key}: {before[kv.Key]} → {kv.Value}").ToList();
        if (changed.Count == 0)
        {
            return OperationResult.Ok("Nothing changed.");
        }
        await using var tx = await ChainTransaction.BeginAsync(db, ct);
        AgreementTimeline.Add(db, id, time.GetUtcNow(), AgreementTimeline.Edited, $"Edited: {string.Join("; ", changed)}.", user.Identity?.Name);
        await db.SaveChangesAsync(ct);
        await LogAsync(db, user, AccessActions.AgreementChange, agreement, $"edited: {string.Join("; ", changed)}", ct);
        await tx.CommitAsync(ct);
        notifier.Publish(new BallotChange(BallotChangeKind.AgreementChanged, id, null));
        return OperationResult.Ok($"Agreement {agreement.Reference} saved.");
    }

    private static void Apply(AgreementForm form, Agreement a)
    {
        a.Reference = form.Reference.Trim();
        a.Title = form.Title.Trim();
        a.AgencyId = form.AgencyId;
        a.Counterparty = form.Counterparty.Trim();
        a.CounterpartyAddress = form.CounterpartyAddress.Trim();
        a.EffectiveDate = DateOnly.FromDateTime(form.EffectiveDate!.Value);
        a.ExpiryDate = DateOnly.FromDateTime(form.ExpiryDate!.Value);
        a.NoticePeriodDays = form.NoticePeriodDays;
        a.RenewalTermMonths = form.RenewalTermMonths;
        a.MaxPeoplePerHour = form.MaxPeoplePerHour;
        a.MaxPeoplePerDay = form.MaxPeoplePerDay;
        a.Status = form.Status;
        foreach (var party in Enum.GetValues<Party>())
        {
            var seat = a.Seats.FirstOrDefault(s => s.Party == party);
            if (seat is null)
            {
                seat = new Seat { Party = party };
                a.Seats.Add(seat);
            }
            seat.PrimaryUserId = form.Primary[party]!;
            seat.AlternateUserId = string.IsNullOrEmpty(form.Alternate.GetValueOrDefault(party)) ? null : form.Alternate[party];
        }
    }

    private static Dictionary<string, string> Describe(Agreement a) => new()
    {
        ["reference"] = a.Reference, ["title"] = a.Title, ["agency"] = $"{a.AgencyId}", ["counterparty"] = a.Counterparty, ["address"] = a.CounterpartyAddress,
        ["effective"] = a.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["expiry"] = a.ExpiryDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["notice period"] = $"{a.NoticePeriodDays} days", ["renewal term"] = $"{a.RenewalTermMonths} months", ["status"] = a.Status.ToString(),
        ["volume limits"] = $"{a.MaxPeoplePerHour?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}/hour, {a.MaxPeoplePerDay?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}/day",
        ["seats"] = string.Join(", ", a.Seats.OrderBy(s => s.Party).Select(s => $"{s.Party}={s.PrimaryUserId}/{s.AlternateUserId}")),
    };

    private async Task<List<string>> ValidateAsync(PortalDbContext db, AgreementForm form, int? id, CancellationToken ct)
    {
        var errors = new List<string>();
        var reference = form.Reference.Trim();
        if (!ReferencePattern().IsMatch(reference))
        {
            errors.Add("The reference is 3 to 64 capital letters, digits and dashes (e.g. PARS-ICE-2008).");
        }
        else if (await db.Agreements.AnyAsync(a => a.Reference == reference && a.Id != id, ct))
        {
            errors.Add($"Another agreement already has the reference {reference}.");
        }
        errors.AddRange(new[]
        {
            InputRules.Problem(form.Title, "The title", 300),
            InputRules.Problem(form.Counterparty, "The counterparty", 300),
            InputRules.Problem(form.CounterpartyAddress, "The counterparty's address", 1000, required: false, multiline: true),
        }.OfType<string>());
        if (form.EffectiveDate is null || form.ExpiryDate is null || form.ExpiryDate <= form.EffectiveDate)
        {
            errors.Add("Give the effective date and an expiry date after it.");
        }
        else if (form.NoticePeriodDays < 1 || form.ExpiryDate.Value.AddDays(-form.NoticePeriodDays) < form.EffectiveDate.Value)
        {
            errors.Add("The notice period must be at least one day and fit inside the term.");
        }
        if (form.AgencyId is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            errors.Add("Choose the agency whose liaisons this agreement lets in.");
        }
        else if (form.Status is AgreementStatus.Active or AgreementStatus.UnderReview
                 && (await db.Agreements.AsNoTracking().Where(a => a.AgencyId == agencyId && a.Id != id).ToListAsync(ct))
                     .FirstOrDefault(a => AgreementTerms.IsInForce(a, time.GetUtcNow())) is { } inForce)
        {
            // One agreement in force per agency, so the agency's access follows exactly one schedule.
            errors.Add($"The agency already has agreement {inForce.Reference} in force: end it, or save this one as a draft.");
        }
        if (form.RenewalTermMonths is < 1 or > 120)
        {
            errors.Add("The renewal term is 1 to 120 months.");
        }
        if (form.MaxPeoplePerHour is < 1 or > 100_000 || form.MaxPeoplePerDay is < 1 or > 100_000)
        {
            errors.Add("A volume limit is 1 to 100,000 people, or empty for the portal's setting.");
        }
        else if (form.MaxPeoplePerHour > form.MaxPeoplePerDay)
        {
            errors.Add("The hourly volume limit cannot exceed the daily one.");
        }
        var candidates = (await SeatCandidatesAsync(ct)).ToDictionary(c => c.UserId);
        foreach (var party in Enum.GetValues<Party>())
        {
            var primary = form.Primary.GetValueOrDefault(party);
            var alternate = form.Alternate.GetValueOrDefault(party);
            if (primary is null || !candidates.TryGetValue(primary, out var p) || p.Party != party)
            {
                errors.Add($"Choose a primary official of the {PartyNames.Of(party)} for its seat.");
            }
            if (!string.IsNullOrEmpty(alternate) && (alternate == primary || !candidates.TryGetValue(alternate, out var alt) || alt.Party != party))
            {
                errors.Add($"The {PartyNames.Of(party)} alternate must be another official of the {PartyNames.Of(party)}.");
            }
        }
        return errors;
    }

    private async Task LogAsync(PortalDbContext db, ClaimsPrincipal user, string action, Agreement agreement, string what, CancellationToken ct) =>
        await accessLog.AppendWithinAsync(db, new AccessEvent(action) { Actor = user, Target = $"agreement:{agreement.Reference}", Filters = what }, ct);

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{2,63}$")]
    private static partial Regex ReferencePattern();
}
