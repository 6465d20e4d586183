namespace PortalApp.Ballots;

/// <summary>How the people of a seat are named on a ballot: by name, with whether they are its primary or alternate.</summary>
public static class SeatPeople
{
    /// <summary>"Dana Whitfield (City)" is named "Dana Whitfield": the sentence around the name says the seat and the role.</summary>
    public static string Name(string displayName)
    {
        var open = displayName.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 ? displayName[..open] : displayName;
    }

    /// <summary>"Marcus Ortega (alternate for Dana Whitfield)" or "Dana Whitfield (primary)".</summary>
    public static string CastBy(string castByName, bool byAlternate, string? primaryName) =>
        byAlternate
            ? $"{Name(castByName)} (alternate{(primaryName is null ? "" : $" for {Name(primaryName)}")})"
            : $"{Name(castByName)} (primary)";
}
