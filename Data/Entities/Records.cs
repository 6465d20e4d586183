namespace Portal.Data.Entities;

/// <summary>Stored as its number: the values are fixed.</summary>
public enum InvolvementRole
{
    Arrestee = 0,
    Victim = 1,
    Witness = 2,
}

/// <summary>A synthetic person. Immigration status is deliberately not a field (2009 amendment).</summary>
public sealed class Person
{
    public int Id { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public string Zip { get; set; } = "";
    public string Phone { get; set; } = "";
    public string StateId { get; set; } = "";
    public string PlaceOfBirth { get; set; } = "";
    public string Race { get; set; } = "";
    public string Ethnicity { get; set; } = "";
    public string Sex { get; set; } = "";
    public List<Involvement> Involvements { get; set; } = [];
}

public sealed class Arrest
{
    public int Id { get; set; }
    public string DcNumber { get; set; } = "";
    public DateTimeOffset ArrestedUtc { get; set; }
    public int District { get; set; }
    public string Officer { get; set; } = "";
    public List<Charge> Charges { get; set; } = [];
    public List<Involvement> Involvements { get; set; } = [];
}

public sealed class Charge
{
    public int Id { get; set; }
    public int ArrestId { get; set; }
    public string Statute { get; set; } = "";
    public string Description { get; set; } = "";
    public string Grade { get; set; } = "";
}

/// <summary>
/// How a person took part in an arrest: one row of the records list. It repeats the few arrest and person
/// columns that the list filters and sorts on, so that every permitted query is one index range scan
/// instead of a join over a million rows (records are written only by the seeder, so the copies cannot drift).
/// </summary>
public sealed class Involvement
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int ArrestId { get; set; }
    public Arrest? Arrest { get; set; }
    public InvolvementRole Role { get; set; }

    /// <summary>Upper-case "LAST FIRST", for index-backed name-prefix search and sort.</summary>
    public string SearchName { get; set; } = "";
    public string DcNumber { get; set; } = "";
    public DateTimeOffset ArrestedUtc { get; set; }
    public int District { get; set; }
}
