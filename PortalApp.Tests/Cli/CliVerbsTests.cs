using Microsoft.Extensions.Configuration;
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
        { ["users", "unlock", "admin@portal.local", "--ConnectionStrings:Portal=Data Source=x.db"], ["unlock", "admin@portal.local"] },
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void TheVerbGetsItsOwnFlagsWhereverConfigurationStands(string[] args, string[] expected) =>
        Assert.Equal(expected, CliVerbs.VerbArguments(args));

    [Theory]
    [InlineData("bench")]
    [InlineData("capacity")]
    public async Task AnOldBenchCommandIsToldWhereTheBenchWentInsteadOfStartingThePortal(string verb)
    {
        Assert.True(CliVerbs.IsVerb([verb]));
        Assert.Equal(2, await CliVerbs.RunAsync([verb, "--circuits", "10"]));
    }

    [Fact]
    public void UsersIsAVerbOfTheProgram() => Assert.True(CliVerbs.IsVerb(["users", "unlock", "admin@portal.local"]));

    [Fact]
    public void TheHostGetsOnlyConfigurationSoAFlagWithoutValueCannotSwallowIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(CliVerbs.ConfigurationArguments(["bench", "--phases", "--ConnectionStrings:Portal=Data Source=x.db", "--Portal:Mode", "quiet"]))
            .Build();

        Assert.Equal("Data Source=x.db", configuration.GetConnectionString("Portal"));
        Assert.Equal("quiet", configuration["Portal:Mode"]);
        Assert.Null(configuration["phases"]);
    }
}
