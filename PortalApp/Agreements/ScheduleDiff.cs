using Portal.Data.Entities;
using PortalApp.Terms;

namespace PortalApp.Agreements;

/// <summary>What an amendment's data schedule changed from the one before, in plain words.</summary>
public static class ScheduleDiff
{
    public static IReadOnlyList<string> Between(DataSchedule? before, DataSchedule after)
    {
        if (before is null)
        {
            return ["The original data schedule."];
        }
        var changes = new List<string>();
        foreach (var role in before.VisibleRoles.Except(after.VisibleRoles).Order())
        {
            changes.Add($"{ScheduleLabels.Plural(role)} shielded: the agency no longer sees them.");
        }
        foreach (var role in after.VisibleRoles.Except(before.VisibleRoles).Order())
        {
            changes.Add($"{ScheduleLabels.Plural(role)} now visible to the agency.");
        }
        if (before.IncludesImmigrationStatus != after.IncludesImmigrationStatus)
        {
            changes.Add(after.IncludesImmigrationStatus ? "Immigration status added." : "Immigration status removed.");
        }
        foreach (var field in RecordFields.All)
        {
            var was = before.Fields.GetValueOrDefault(field, MaskingAction.Redact);
            var now = after.Fields.GetValueOrDefault(field, MaskingAction.Redact);
            if (was != now)
            {
                changes.Add($"{ScheduleLabels.Field(field)}: {was} → {now}.");
            }
        }
        return changes.Count == 0 ? ["No change to the data schedule."] : changes;
    }
}
