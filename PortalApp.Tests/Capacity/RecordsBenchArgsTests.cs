using Portal.Bench;

namespace PortalApp.Tests.Capacity;

/// <summary>`bench --records N`: the size of the records bench's database, a million without the option.</summary>
public sealed class RecordsBenchArgsTests
{
    [Theory]
    [InlineData(new[] { "bench" }, 1_000_000)]
    [InlineData(new[] { "bench", "--records", "10000000" }, 10_000_000)]
    [InlineData(new[] { "bench", "--records", "1000" }, 1_000)]
    public void TheRecordCountIsReadFromTheArguments(string[] args, int expected) =>
        Assert.Equal(expected, RecordsBench.RecordsOf(args));

    [Theory]
    [InlineData("bench", "--records")]
    [InlineData("bench", "--records", "ten")]
    [InlineData("bench", "--records", "-5")]
    [InlineData("bench", "--records", "999")]
    [InlineData("bench", "--records", "100000001")]
    public void ACountThatIsNotSensibleIsRefused(params string[] args) =>
        Assert.Null(RecordsBench.RecordsOf(args));
}
