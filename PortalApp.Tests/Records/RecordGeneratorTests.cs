using Portal.Data.Entities;
using PortalApp.Seeding;

namespace PortalApp.Tests.Records;

public sealed class RecordGeneratorTests
{
    private sealed class Capture : IRecordSink
    {
        public List<string> Rows { get; } = [];
        public void Add(Person p) => Rows.Add($"P {p.Id} {p.LastName} {p.FirstName} {p.DateOfBirth} {p.PlaceOfBirth} {p.StateId}");
        public void Add(Arrest a) => Rows.Add($"A {a.Id} {a.DcNumber} {a.ArrestedUtc.UtcTicks} {a.District}");
        public void Add(Charge c) => Rows.Add($"C {c.Id} {c.ArrestId} {c.Statute}");
        public void Add(Involvement i) => Rows.Add($"I {i.Id} {i.PersonId} {i.ArrestId} {i.Role}");
    }

    [Fact]
    public void TheSameSeedGivesTheSameRecordsAndAnotherSeedDifferentOnes()
    {
        Capture Run(int seed) { var c = new Capture(); new RecordGenerator(seed).Generate(2000, c); return c; }

        var first = Run(42);
        Assert.Equal(first.Rows, Run(42).Rows);
        Assert.NotEqual(first.Rows, Run(43).Rows);
        Assert.Equal(2000, first.Rows.Count(r => r.StartsWith("I ", StringComparison.Ordinal)));
    }

    [Fact]
    public void RecordsIncludeVictimsWitnessesAndPeopleBornAbroad()
    {
        var capture = new Capture();
        new RecordGenerator(7).Generate(3000, capture);
        Assert.Contains(capture.Rows, r => r.EndsWith(" Victim", StringComparison.Ordinal));
        Assert.Contains(capture.Rows, r => r.EndsWith(" Witness", StringComparison.Ordinal));
        Assert.Contains(capture.Rows, r => r.StartsWith("P ", StringComparison.Ordinal) && !r.Contains(", USA", StringComparison.Ordinal));
    }
}
