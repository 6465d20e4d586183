using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel loopback port with its own fresh database (a temporary SQLite file, or a PostgreSQL
/// database when PORTAL_TEST_PROVIDER=Postgres), seeded with the demo.
/// Time is a FakeTimeProvider that starts at the real now; tests may advance it.
/// </summary>
public class PortalHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create("portal-test");

    public PortalHost() => UseKestrel(0);

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public string BaseUrl { get; private set; } = "";

    /// <summary>How many synthetic records the demo seeds; small, so the suite stays fast.</summary>
    protected virtual int DemoRecords => 400;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Portal", database.ConnectionString);
        builder.UseSetting("Portal:DemoRecords", DemoRecords.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:SignInPermitsPerMinute", "100000");
        builder.UseSetting("Letters:VerifyPermitsPerMinute", "100000");
        // Fingerprinted scripts and styles cached as Production serves them (immutable), not refetched at every page load
        // as Development does for hot reload: a page load then costs Chromium about a tenth less.
        builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().TrimEnd('/').Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        return Task.CompletedTask;
    }

    /// <summary>The host's database, for tests that reach it directly, outside the app.</summary>
    public TestDatabase Database => database;

    /// <summary>A service scope whose authentication state is the given demo account (or an anonymous visitor).</summary>
    public async Task<AsyncServiceScope> ScopeAsAsync(string? email)
    {
        var scope = Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity());
        if (email is not null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
            principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        }
        var authState = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authState.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
