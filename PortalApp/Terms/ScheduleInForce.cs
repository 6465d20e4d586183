using Portal.Data.Entities;

namespace PortalApp.Terms;

/// <summary>Where an amendment stands on a given city day.</summary>
public enum AmendmentStanding
{
    InForce,
    Superseded,
    Scheduled,
    /// <summary>It shows the agency more than the schedule it follows: only a ballot of the signatory parties may adopt it.</summary>
    AwaitingAdoption,
}

/// <summary>An amendment's standing; <paramref name="AppliesFrom"/> is the city day its schedule starts to govern (null while it awaits adoption).</summary>
public sealed record AmendmentState(Amendment Amendment, AmendmentStanding Standing, IReadOnlyList<string> Reveals, DateOnly? AppliesFrom);

/// <summary>
/// The one rule for which data schedule governs the agency: an amendment applies from its effective date (city time),
/// and one that reveals more than the schedule it follows never applies on one Admin's word: only once the signatory
/// parties adopt it by ballot, and then from the later of its effective date and the day of adoption. The liaison's
/// masking and the agreement's page both read this, so what the page says is in force is what the records service enforces.
/// </summary>
public static class ScheduleInForce
{
    /// <param name="adoptedOn">Amendment id → the city day an adoption ballot decided to adopt it (<see cref="AmendmentAdoptions"/>).</param>
    public static Amendment? On(IEnumerable<Amendment> amendments, DateOnly cityToday, IReadOnlyDictionary<int, DateOnly> adoptedOn) =>
        States(amendments, cityToday, adoptedOn).FirstOrDefault(s => s.Standing == AmendmentStanding.InForce)?.Amendment;

    /// <summary>The last amendment that needs no adoption (or has it): a new amendment follows it, and is compared with it.</summary>
    public static Amendment? Followed(IEnumerable<Amendment> amendments, IReadOnlyDictionary<int, DateOnly> adoptedOn) =>
        States(amendments, DateOnly.MaxValue, adoptedOn).LastOrDefault(s => s.Standing != AmendmentStanding.AwaitingAdoption)?.Amendment;

    /// <summary>Each amendment in number order with its standing; the original (the lowest number) is the signed agreement.</summary>
    public static IReadOnlyList<AmendmentState> States(IEnumerable<Amendment> amendments, DateOnly cityToday, IReadOnlyDictionary<int, DateOnly> adoptedOn)
    {
        var ordered = amendments.OrderBy(m => m.Number).ToList();
        var accepted = new List<Amendment>();
        var reveals = new Dictionary<Amendment, IReadOnlyList<string>>();
        var appliesFrom = new Dictionary<Amendment, DateOnly>();
        foreach (var m in ordered)
        {
            var more = accepted.Count == 0 ? [] : Reveals(accepted[^1].Schedule, m.Schedule);
            reveals[m] = more;
            if (more.Count == 0)
            {
                accepted.Add(m);
                appliesFrom[m] = m.EffectiveDate;
            }
            else if (adoptedOn.TryGetValue(m.Id, out var adopted))
            {
                accepted.Add(m);
                appliesFrom[m] = adopted > m.EffectiveDate ? adopted : m.EffectiveDate;
            }
        }
        var governing = accepted.LastOrDefault(m => appliesFrom[m] <= cityToday);
        return ordered.Select(m => new AmendmentState(m, Standing(m, appliesFrom, governing, cityToday), reveals[m],
            appliesFrom.TryGetValue(m, out var from) ? from : null)).ToList();
    }

    private static AmendmentStanding Standing(Amendment m, Dictionary<Amendment, DateOnly> appliesFrom, Amendment? governing, DateOnly today) =>
        !appliesFrom.TryGetValue(m, out var from) ? AmendmentStanding.AwaitingAdoption
        : m == governing ? AmendmentStanding.InForce
        : from > today ? AmendmentStanding.Scheduled
        : AmendmentStanding.Superseded;

    /// <summary>What <paramref name="after"/> shows the agency that <paramref name="before"/> did not, field by field.</summary>
    public static IReadOnlyList<string> Reveals(DataSchedule before, DataSchedule after)
    {
        var more = new List<string>();
        foreach (var role in after.VisibleRoles.Except(before.VisibleRoles).Order())
        {
            more.Add($"{ScheduleLabels.Plural(role)} would become visible to the agency.");
        }
        if (after.IncludesImmigrationStatus && !before.IncludesImmigrationStatus)
        {
            more.Add("Immigration status would be shared.");
        }
        foreach (var field in RecordFields.All)
        {
            var was = before.Fields.GetValueOrDefault(field, MaskingAction.Redact);
            var now = after.Fields.GetValueOrDefault(field, MaskingAction.Redact);
            if (Openness(now) > Openness(was))
            {
                more.Add($"{ScheduleLabels.Field(field)}: {was} → {now} (the agency would see more).");
            }
        }
        return more;
    }

    /// <summary>How much of a value an action lets through: a partial value says more than a token, less than the value.</summary>
    private static int Openness(MaskingAction action) => action switch
    {
        MaskingAction.Redact => 0,
        MaskingAction.Pseudonym => 1,
        MaskingAction.Partial => 2,
        _ => 3,
    };
}
