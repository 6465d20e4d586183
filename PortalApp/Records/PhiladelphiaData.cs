namespace PortalApp.Records;

/// <summary>Reference lists for synthetic Philadelphia arrest records: real district numbers, ZIP codes and PA statutes.</summary>
public static class PhiladelphiaData
{
    /// <summary>The Philadelphia Police Department's patrol districts.</summary>
    public static readonly int[] Districts = [1, 2, 3, 5, 6, 7, 8, 9, 12, 14, 15, 16, 17, 18, 19, 22, 24, 25, 26, 35, 39];

    public static readonly string[] Zips =
    [
        "19102", "19103", "19104", "19106", "19107", "19111", "19114", "19115", "19116", "19118", "19119", "19120",
        "19121", "19122", "19123", "19124", "19125", "19126", "19127", "19128", "19129", "19130", "19131", "19132",
        "19133", "19134", "19135", "19136", "19137", "19138", "19139", "19140", "19141", "19142", "19143", "19144",
        "19145", "19146", "19147", "19148", "19149", "19150", "19151", "19152", "19153", "19154",
    ];

    public sealed record Offence(string Statute, string Description, string Grade, bool HasVictim);

    /// <summary>Pennsylvania Consolidated Statutes offences with their usual grades (F felony, M misdemeanour, S summary).</summary>
    public static readonly Offence[] Offences =
    [
        new("18 Pa.C.S. § 2701", "Simple assault", "M2", true),
        new("18 Pa.C.S. § 2702", "Aggravated assault", "F1", true),
        new("18 Pa.C.S. § 2705", "Recklessly endangering another person", "M2", true),
        new("18 Pa.C.S. § 2706", "Terroristic threats", "M1", true),
        new("18 Pa.C.S. § 2709", "Harassment", "S", true),
        new("18 Pa.C.S. § 2902", "Unlawful restraint", "M1", true),
        new("18 Pa.C.S. § 3304", "Criminal mischief", "M3", true),
        new("18 Pa.C.S. § 3502", "Burglary", "F1", true),
        new("18 Pa.C.S. § 3503", "Criminal trespass", "F3", false),
        new("18 Pa.C.S. § 3701", "Robbery", "F1", true),
        new("18 Pa.C.S. § 3921", "Theft by unlawful taking", "M1", true),
        new("18 Pa.C.S. § 3922", "Theft by deception", "M1", true),
        new("18 Pa.C.S. § 3925", "Receiving stolen property", "M1", false),
        new("18 Pa.C.S. § 3929", "Retail theft", "M2", true),
        new("18 Pa.C.S. § 4101", "Forgery", "F2", true),
        new("18 Pa.C.S. § 4304", "Endangering welfare of children", "M1", true),
        new("18 Pa.C.S. § 5104", "Resisting arrest", "M2", false),
        new("18 Pa.C.S. § 5503", "Disorderly conduct", "S", false),
        new("18 Pa.C.S. § 6105", "Persons not to possess firearms", "F2", false),
        new("18 Pa.C.S. § 6106", "Firearms not to be carried without a license", "F3", false),
        new("18 Pa.C.S. § 6108", "Carrying firearms in public in Philadelphia", "M1", false),
        new("18 Pa.C.S. § 907", "Possessing instruments of crime", "M1", false),
        new("35 P.S. § 780-113(a)(16)", "Possession of a controlled substance", "M", false),
        new("35 P.S. § 780-113(a)(30)", "Possession with intent to deliver", "F", false),
        new("35 P.S. § 780-113(a)(32)", "Possession of drug paraphernalia", "M", false),
        new("75 Pa.C.S. § 3802", "Driving under the influence", "M", false),
        new("75 Pa.C.S. § 3742", "Accident involving death or personal injury", "F3", true),
    ];

    public static readonly (string Name, int Weight)[] States =
    [
        ("Pennsylvania", 620), ("New Jersey", 70), ("New York", 60), ("Delaware", 20), ("Maryland", 25), ("Virginia", 15),
        ("North Carolina", 25), ("South Carolina", 18), ("Georgia", 18), ("Florida", 22), ("Ohio", 12), ("California", 12),
        ("Puerto Rico", 45), ("Massachusetts", 8), ("Connecticut", 8), ("Illinois", 8), ("Texas", 8), ("Michigan", 5),
    ];

    public static readonly (string Name, int Weight)[] Countries =
    [
        ("Mexico", 30), ("Dominican Republic", 25), ("Jamaica", 14), ("Haiti", 10), ("Vietnam", 10), ("China", 10),
        ("India", 8), ("Guatemala", 10), ("Honduras", 9), ("El Salvador", 7), ("Liberia", 6), ("Nigeria", 5),
        ("Ukraine", 5), ("Brazil", 5), ("Colombia", 6), ("Cambodia", 5), ("Ireland", 3), ("Italy", 3), ("Trinidad and Tobago", 4),
    ];

    public static readonly (string Name, int Weight)[] Races =
        [("Black", 44), ("White", 38), ("Asian", 7), ("American Indian or Alaska Native", 1), ("Unknown", 10)];

    public static readonly string[] Ethnicities = ["Hispanic or Latino", "Not Hispanic or Latino"];
}
