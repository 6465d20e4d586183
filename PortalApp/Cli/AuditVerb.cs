using PortalApp.Audit;

namespace PortalApp.Cli;

/// <summary>`audit verify`: exit 0 when the chain holds, 1 naming the first broken entry.</summary>
public static class AuditVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length == 0 || args[0] != "verify")
        {
            await Console.Error.WriteLineAsync("usage: audit verify");
            return 2;
        }
        var result = await services.GetRequiredService<AccessLogVerifier>().VerifyAsync();
        Console.WriteLine(result.Message);
        return result.Intact ? 0 : 1;
    }
}
