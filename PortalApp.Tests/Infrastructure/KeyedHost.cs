using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PortalApp.Tests.Infrastructure;

/// <summary>The app in the given environment with only the given settings (keys, certificates), on a small demo.</summary>
public sealed class KeyedHost(TestDatabase database, string environment, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Portal", database.ConnectionString);
        builder.UseSetting("Portal:DemoRecords", "40");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The message that stopped the start, under the host's wrappers.</summary>
    public static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
