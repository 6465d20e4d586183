namespace Portal.Data.Entities;

/// <summary>
/// An outside agency: the counterparty of one or more agreements (at most one in force at a time) and the employer
/// of its liaisons, whose access follows that agency's agreement and nothing else.
/// </summary>
public sealed class Agency
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>How logs, charts and the public record name the agency (for example "ICE").</summary>
    public string ShortName { get; set; } = "";
    public string Address { get; set; } = "";
    public string Contact { get; set; } = "";
}
