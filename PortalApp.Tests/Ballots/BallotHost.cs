using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Agreements;
using PortalApp.Common;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Ballots;

/// <summary>
/// A portal of its own for the tests that vote on the demo ballot, decide ballots and move the clock,
/// so the shared app's demo ballot stays open for everyone else.
/// </summary>
public sealed class BallotHost : PortalHost
{
    private int sequence;

    public async Task<int> DemoBallotIdAsync()
    {
        await using var db = await CreateDbAsync();
        return await db.Ballots.Where(b => b.Agreement!.Reference == DemoAgreement.Reference).Select(b => b.Id).SingleAsync();
    }

    public async Task<PortalDbContext> CreateDbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    /// <summary>A new agreement with the demo officials in its seats and an open ballot closing at <paramref name="closesCity"/>.</summary>
    public async Task<(int AgreementId, int BallotId, DateTimeOffset ClosesUtc)> NewBallotAsync(DateTime closesCity, int? expiryInDays = null)
    {
        var agreementId = await NewAgreementAsync(expiryInDays ?? 400);
        await using var scope = await ScopeAsAsync("admin@portal.local");
        var admin = scope.ServiceProvider.GetRequiredService<AgreementAdminService>();
        var form = await admin.BallotFormForAsync(agreementId);
        form!.ClosesDate = closesCity.Date;
        form.ClosesTime = closesCity.TimeOfDay;
        var (result, ballotId) = await admin.OpenBallotAsync(agreementId, form);
        Assert.True(result.Succeeded, result.Message);
        return (agreementId, ballotId!.Value, PortalTime.FromCity(DateOnly.FromDateTime(closesCity), TimeOnly.FromDateTime(closesCity)));
    }

    /// <summary>A ballot closing at the first whole minute at least <paramref name="after"/> from now (city time).</summary>
    public Task<(int AgreementId, int BallotId, DateTimeOffset ClosesUtc)> NewBallotClosingAfterAsync(TimeSpan after)
    {
        var city = PortalTime.ToCity(Time.GetUtcNow() + after).DateTime;
        var minute = new DateTime(city.Year, city.Month, city.Day, city.Hour, city.Minute, 0).AddMinutes(1);
        return NewBallotAsync(minute);
    }

    /// <summary>
    /// A new agreement whose amendment 1 shows the agency arrestees (more than its closed original, so it awaits adoption),
    /// with an open adoption ballot on it closing two weeks from now.
    /// </summary>
    public async Task<(int AgreementId, int AmendmentId, int BallotId)> NewAdoptionBallotAsync()
    {
        var agreementId = await NewAgreementAsync(400);
        await using var scope = await ScopeAsAsync("admin@portal.local");
        var admin = scope.ServiceProvider.GetRequiredService<AgreementAdminService>();
        var form = (await admin.AmendmentFormForAsync(agreementId))!;
        form.Title = "Arrestees visible";
        form.Summary = "The agency sees arrestees' names.";
        form.VisibleRoles.Add(InvolvementRole.Arrestee);
        form.Fields[RecordFields.Name] = MaskingAction.Show;
        var added = await admin.AddAmendmentAsync(agreementId, form);
        Assert.True(added.Succeeded, added.Message);
        await using var db = await CreateDbAsync();
        var amendmentId = await db.Amendments.Where(m => m.AgreementId == agreementId && m.Number == 1).Select(m => m.Id).SingleAsync();
        var ballotForm = (await admin.AdoptionBallotFormForAsync(agreementId, amendmentId))!;
        var (result, ballotId) = await admin.OpenAdoptionBallotAsync(agreementId, amendmentId, ballotForm);
        Assert.True(result.Succeeded, result.Message);
        return (agreementId, amendmentId, ballotId!.Value);
    }

    public async Task<int> NewAgreementAsync(int expiryInDays, int noticeDays = 90)
    {
        await using var scope = await ScopeAsAsync("admin@portal.local");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        async Task<string> Id(string email) => (await users.FindByEmailAsync(email))!.Id;
        var today = PortalTime.Today(Time).ToDateTime(TimeOnly.MinValue);
        var form = new AgreementForm
        {
            Reference = $"TEST-{Interlocked.Increment(ref sequence):D4}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}",
            Title = "Test agreement",
            Counterparty = "Test agency",
            AgencyId = await TestAgencies.NewAsync(this, "ballots"),
            EffectiveDate = today.AddYears(-1),
            ExpiryDate = today.AddDays(expiryInDays),
            NoticePeriodDays = noticeDays,
            Status = AgreementStatus.Active,
        };
        form.Primary[Party.City] = await Id("city@portal.local");
        form.Alternate[Party.City] = await Id("city-alt@portal.local");
        form.Primary[Party.DistrictAttorney] = await Id("da@portal.local");
        form.Primary[Party.Courts] = await Id("courts@portal.local");
        var (result, id) = await scope.ServiceProvider.GetRequiredService<AgreementAdminService>().CreateAsync(form);
        Assert.True(result.Succeeded, result.Message);
        return id!.Value;
    }
}

[CollectionDefinition(Name)]
public sealed class BallotCollection : ICollectionFixture<BallotHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "ballots";
}
