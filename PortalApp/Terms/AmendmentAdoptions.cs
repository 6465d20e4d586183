using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Common;

namespace PortalApp.Terms;

/// <summary>Where an amendment's adoption ballots stand: the latest one, open or decided.</summary>
public sealed record AmendmentBallot(int BallotId, DecisionOutcome? Outcome, DateTimeOffset? DecidedUtc)
{
    public bool IsOpen => Outcome is null;
}

/// <summary>
/// Which amendments the signatory parties adopted by ballot, and on which city day: the input that lets
/// <see cref="ScheduleInForce"/> accept a widening amendment. Only an adoption ballot decided "Adopt" counts.
/// </summary>
public static class AmendmentAdoptions
{
    /// <summary>An adopted amendment applies from the later of its effective date and the day of its adoption (city time).</summary>
    public static DateOnly AppliesFrom(DateOnly effectiveDate, DateTimeOffset adoptedUtc)
    {
        var adoptedOn = PortalTime.CityDate(adoptedUtc);
        return adoptedOn > effectiveDate ? adoptedOn : effectiveDate;
    }

    /// <summary>Amendment id → the city day it was adopted, from ballots loaded with their decisions.</summary>
    public static IReadOnlyDictionary<int, DateOnly> From(IEnumerable<Ballot> ballots) => ballots
        .Where(b => b.Kind == BallotKind.AmendmentAdoption && b.Decision?.Outcome == DecisionOutcome.Adopt)
        .GroupBy(b => b.AmendmentId)
        .ToDictionary(g => g.Key, g => PortalTime.CityDate(g.Min(b => b.Decision!.DecidedUtc)));

    public static async Task<IReadOnlyDictionary<int, DateOnly>> LoadAsync(PortalDbContext db, int agreementId, CancellationToken ct = default)
    {
        var ballots = await db.Ballots.AsNoTracking().Include(b => b.Decision)
            .Where(b => b.AgreementId == agreementId && b.Kind == BallotKind.AmendmentAdoption)
            .ToListAsync(ct);
        return From(ballots);
    }

    /// <summary>The latest adoption ballot of each amendment that has one.</summary>
    public static IReadOnlyDictionary<int, AmendmentBallot> Latest(IEnumerable<Ballot> ballots) => ballots
        .Where(b => b.Kind == BallotKind.AmendmentAdoption)
        .GroupBy(b => b.AmendmentId)
        .Select(g => g.MaxBy(b => b.Id)!)
        .ToDictionary(b => b.AmendmentId, b => new AmendmentBallot(b.Id, b.Decision?.Outcome, b.Decision?.DecidedUtc));
}
