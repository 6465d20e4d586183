using PortalApp.Cli;

namespace PortalApp.Tests.Cli;

public sealed class CliVerbsTests
{
    public static TheoryData<string[], string[]> CommandLines() => new()
    {
        { ["seed", "--ConnectionStrings:Portal=Data Source=x.db", "--records", "5"], ["--records", "5"] },
        { ["seed", "--records", "5", "--ConnectionStrings:Portal=Data Source=x.db"], ["--records", "5"] },
        { ["bench", "--ConnectionStrings:Portal", "Data Source=x.db", "--circuits", "10"], ["--circuits", "10"] },
        { ["audit", "verify"], ["verify"] },
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void TheVerbGetsItsOwnFlagsWhereverConfigurationStands(string[] args, string[] expected) =>
        Assert.Equal(expected, CliVerbs.VerbArguments(args));
}
