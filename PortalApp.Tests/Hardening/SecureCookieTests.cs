using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using PortalApp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Seeding;

namespace PortalApp.Tests.Hardening;

/// <summary>Outside Development, over HTTPS, the sign-in cookie is Secure, HttpOnly and SameSite=Strict.</summary>
public sealed class SecureCookieTests : IClassFixture<SecureCookieTests.ProductionHttpsHost>
{
    private readonly ProductionHttpsHost host;

    public SecureCookieTests(ProductionHttpsHost host) => this.host = host;

    /// <summary>The app in the Production environment on a loopback HTTPS port, with a self-signed certificate made here.</summary>
    public sealed class ProductionHttpsHost : WebApplicationFactory<Program>, IAsyncLifetime
    {
        private readonly TestDatabase database = TestDatabase.Create("portal-https");

        public ProductionHttpsHost() =>
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(SelfSigned())));

        public string BaseUrl { get; private set; } = "";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Portal", database.ConnectionString);
            builder.UseSetting("Portal:DemoRecords", "40");
            builder.UseSetting("Portal:SignInPermitsPerMinute", "100000");
            foreach (var (key, value) in TestKeys.ProductionSettings())
            {
                builder.UseSetting(key, value);
            }
        }

        public Task InitializeAsync()
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseUrl = address.TrimEnd('/');
            return Task.CompletedTask;
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await base.DisposeAsync();
            await database.DisposeAsync();
        }

        private static X509Certificate2 SelfSigned()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
            // Kestrel needs the private key in a form the platform's TLS can use: round-trip through PKCS#12.
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }

    [Fact]
    public async Task OverHttpsInProductionTheSignInCookieIsSecureHttpOnlyAndSameSiteStrict()
    {
        Assert.StartsWith("https://", host.BaseUrl, StringComparison.Ordinal);
        using var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            // The certificate was made by this test a moment ago; trust exactly it, nothing else.
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Subject == "CN=localhost",
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(host.BaseUrl) };

        // The auditor: a role that needs no second factor, so the cookie serves the dashboard at once.
        var response = await Infrastructure.SignIn.PostLoginAsync(client, "auditor@portal.local", DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        // HSTS is sent outside Development too (to a non-loopback host; on loopback ASP.NET Core leaves it out by design).
        var home = await client.GetAsync("/");
        Assert.True(home.StatusCode is HttpStatusCode.OK, $"/ answered {(int)home.StatusCode}");
    }
}
