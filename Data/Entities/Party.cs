namespace Portal.Data.Entities;

/// <summary>A signatory party of the agreement; each holds one seat and one vote.</summary>
public enum Party
{
    City,
    DistrictAttorney,
    Courts,
}
