using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Agreements;
using PortalApp.Audit;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Components.Account;
using PortalApp.Hosting.Circuits;
using PortalApp.Letters;
using PortalApp.ScaleOut;
using PortalApp.Seeding;
using PortalApp.Transparency;
using PortalApp.Users;

namespace PortalApp.Hosting;

public static class PortalServices
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.UseStaticWebAssets();
        services.Configure<PortalOptions>(builder.Configuration.GetSection("Portal"));
        services.AddSingleton(TimeProvider.System);
        services.AddSecretKeys(builder.Configuration, builder.Environment);

        services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
            {
                // Circuit settings, chosen from the capacity bench (docs/capacity.md):
                // A dropped connection (laptop lid, flaky Wi-Fi) gets three minutes to come back with its state; this
                // is a promise to the person, not a memory knob, so it stays at the framework's default.
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                // Beyond 100 such circuits the oldest go first. A records circuit holds about 1.5 MB, so the cap
                // bounds retained state near 150 MB whatever the number of users.
                o.DisconnectedCircuitMaxRetained = 100;
                // An evicted circuit leaves a few KB (its root components) from which a browser that comes back can
                // resume; after 30 minutes the idle sign-out (wwwroot/js/idle.js) has ended that session anyway.
                o.PersistedCircuitInMemoryRetentionPeriod = TimeSpan.FromMinutes(30);
                // At most 250 such entries (default 1,000, ~5 MB): far more than the city's officials, so a crowd that
                // leaves at once does not keep its entries for half an hour; a browser past the cap reloads the page.
                o.PersistedCircuitInMemoryMaxRetained = 250;
                o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
                // A slow browser stops receiving renders after 10 unacknowledged batches instead of queuing without
                // bound (the default; 1,000 bench circuits never reached it, so a larger buffer would only hide stalls).
                o.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(o =>
            {
                // Portal's largest client message is a form or an uploaded letter PDF chunk; 64 KB is ample and caps abuse.
                o.MaximumReceiveMessageSize = 64 * 1024;
                o.ClientTimeoutInterval = TimeSpan.FromSeconds(60);
                o.KeepAliveInterval = TimeSpan.FromSeconds(15);
            });
        // Every refused attempt answers with its own message: with MudBlazor's default, a message equal to one still
        // fading out was dropped, so a second bad try in a row showed nothing.
        services.AddMudServices(o => o.SnackbarConfiguration.PreventDuplicates = false);
        services.AddHttpContextAccessor();

        var connectionString = builder.Configuration.GetConnectionString("Portal")
            ?? throw new InvalidOperationException("ConnectionStrings:Portal is not set.");
        services.AddPortalDatabase(PortalDatabase.Provider(builder.Configuration), connectionString, o => o
            // Capped counts (Take without OrderBy) are deliberate: order does not change a count.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
        services.AddScaleOut(builder.Configuration);

        services.AddPortalIdentity(builder.Configuration);
        services.AddPortalAuthorization();
        services.AddPortalSecurity(builder.Configuration);

        services.AddAudit(builder.Configuration);

        services.AddScoped<SignInService>();
        services.AddSingleton<Users.SignInThrottles>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<Agencies.AgencyDirectory>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<RecordsDemoSeeder>();
        Records.RecordsServices.AddRecords(services);
        services.AddAgreementsAndBallots();
        services.AddLetters(builder.Configuration, builder.Environment);
        services.AddTransparency(builder.Configuration);
        services.AddCircuitCensus();
        return builder;
    }

    private static void AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<AccountStanding>();
        services.AddSingleton<SessionClock>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        var idle = configuration.GetValue("Portal:IdleTimeoutMinutes", 30);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(idle);
            o.SlidingExpiration = true;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnValidatePrincipal = AccountStandingCookie.ValidateAsync;
            o.Events.OnCheckSlidingExpiration = AccountStandingCookie.NoteSlidingRenewalAsync;
        });

        services.AddIdentityCore<PortalUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                // CJIS: a locked account stays locked until an Admin releases it.
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromDays(365 * 100);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddClaimsPrincipalFactory<Users.PortalClaimsFactory>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = AccountStandingCookie.KeepSignInClaimsAsync;
        });
    }
}
