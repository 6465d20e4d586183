using Portal.Data.Entities;

namespace PortalApp.Seeding;

/// <summary>The demo's two outside agencies, each under its own agreement with its own liaison.</summary>
public static class DemoAgencies
{
    public const string Ice = "ICE";
    public const string Fbi = "FBI";

    public static IReadOnlyList<Agency> Build() =>
    [
        new Agency
        {
            Name = "U.S. Immigration and Customs Enforcement",
            ShortName = Ice,
            Address = "Field Office Director\nPhiladelphia Field Office\n114 North 8th Street\nPhiladelphia, PA 19107",
            Contact = "Field Office Director, (215) 555-0108",
        },
        new Agency
        {
            Name = "Federal Bureau of Investigation, Philadelphia Field Office",
            ShortName = Fbi,
            Address = "Special Agent in Charge\nWilliam J. Green Jr. Federal Building\n600 Arch Street, 8th Floor\nPhiladelphia, PA 19106",
            Contact = "Special Agent in Charge, (215) 555-0190",
        },
    ];
}
