using PortalApp.AccessLogging;

namespace PortalApp.Tests.AccessLogging;

public sealed class RecordReachTests
{
    [Fact]
    public void TenThousandScatteredPeopleComeBackExactlyFromAFewKilobytes()
    {
        var random = new Random(7);
        var people = new HashSet<int>();
        while (people.Count < 10_000)
        {
            people.Add(random.Next(1, 2_000_000));
        }
        var stored = RecordReach.Compose("district=3; page=1", new RecordReach(10_000, People: people));

        Assert.True(stored!.Length < 40_000, $"{stored.Length} characters");
        var (filters, reach) = RecordReach.Split(stored);
        Assert.Equal("district=3; page=1", filters);
        Assert.True(people.SetEquals(reach!.People!));
        Assert.Equal(10_000, reach.Rows);
    }

    [Fact]
    public void NeighbouringPeopleTakeLittleRoom()
    {
        var stored = new RecordReach(10_000, People: Enumerable.Range(5_000, 10_000).ToHashSet()).Encode();
        Assert.True(stored.Length < 200, $"{stored.Length} characters");
    }

    [Fact]
    public void AnAlteredPersonListReadsAsNoReachNotAsOtherPeople()
    {
        var stored = RecordReach.Compose("f", new RecordReach(3, People: new HashSet<int> { 1, 2, 3 }))!;
        var altered = stored.Replace("people=3:", "people=4:", StringComparison.Ordinal);
        Assert.Null(RecordReach.Split(altered).Reach);
        Assert.Null(RecordReach.Split(stored[..^3] + "!!!").Reach);
        var more = RecordReach.Split("x" + RecordReach.Separator + new RecordReach(7, MoreMatches: true).Encode()).Reach!;
        Assert.Equal((7, true, (IReadOnlySet<int>?)null), (more.Rows, more.MoreMatches, more.People));
    }
}
