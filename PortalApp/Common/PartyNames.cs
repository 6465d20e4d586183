using Portal.Data.Entities;

namespace PortalApp.Common;

/// <summary>Parties and vote choices as people read them.</summary>
public static class PartyNames
{
    public static string Of(Party party) => party switch
    {
        Party.DistrictAttorney => "District Attorney",
        _ => party.ToString(),
    };

    /// <summary>A party as stored on an account or in a claim ("DistrictAttorney"), as people read it; other text as it is.</summary>
    public static string Of(string? party) => Enum.TryParse<Party>(party, out var known) ? Of(known) : party ?? "";

    public static string Of(VoteChoice choice) => choice switch
    {
        VoteChoice.Recuse => "Recused",
        _ => choice.ToString(),
    };
}
