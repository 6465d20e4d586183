namespace PortalApp.Letters;

/// <summary>The "Letters" configuration section: the letterhead and the address printed for verification.</summary>
public sealed class LetterOptions
{
    /// <summary>
    /// The portal's public address; each letter's footer and QR code name {PublicBaseUrl}/verify/{number}, where anyone can check it.
    /// Unset, the footer names the address the portal is served on (<see cref="LetterAddress"/>).
    /// </summary>
    public string? PublicBaseUrl { get; set; }
    public string LetterheadTitle { get; set; } = "OFFICE OF THE CITY SOLICITOR";
    public string[] LetterheadLines { get; set; } = ["City Law Department", "City Hall, Room 580 · Telephone 215-555-0100 · solicitor@city.example"];
    public string SignerTitle { get; set; } = "City Solicitor";
}
