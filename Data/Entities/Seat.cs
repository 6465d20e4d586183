namespace Portal.Data.Entities;

/// <summary>A signatory party's seat on an agreement: a primary official and an alternate.</summary>
public sealed class Seat
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Party Party { get; set; }
    public string PrimaryUserId { get; set; } = "";
    public string? AlternateUserId { get; set; }
}
