using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Hardening;

/// <summary>
/// Issue 19, item 1, the circuit: a Stakeholder signed in with a password only takes an anonymous page's component
/// markers and starts a circuit at a ballot, as the outside tester did. The circuit's policies refuse the page and the vote.
/// </summary>
[Collection(ProductionTwoFactorCollection.Name)]
public sealed class TwoFactorCircuitTests(ProductionPortalHost host, BrowserFixture browser)
{
    [Fact]
    public async Task ACircuitStartedFromAnAnonymousPagesMarkersAtABallotCannotVote()
    {
        int ballotId;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            ballotId = await db.Ballots.Where(b => b.Agreement!.Reference == DemoAgreement.Reference).Select(b => b.Id).SingleAsync();
        }
        using var anonymous = await SignIn.ClientAsync(host.BaseUrl, null);
        var markers = await anonymous.GetStringAsync("/not-found");
        Assert.Contains("<!--Blazor:", markers, StringComparison.Ordinal);

        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, host.BaseUrl, "city-alt@portal.local");
        Assert.Contains("/Account/Manage/EnableAuthenticator", page.Url, StringComparison.Ordinal);
        var ballotUrl = $"{host.BaseUrl}/ballots/{ballotId}";
        await page.RouteAsync(ballotUrl, route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = markers }));
        // The circuit's hub may refuse the connection outright, or the circuit may start and refuse the page.
        var hubRefused = new TaskCompletionSource();
        page.Response += (_, r) =>
        {
            if (r.Url.Contains("/_blazor", StringComparison.Ordinal) && r.Status >= 300)
            {
                hubRefused.TrySetResult();
            }
        };
        await page.GotoAsync(ballotUrl);
        var rendered = page.Locator("[data-testid=not-authorized], [data-testid=vote-panel]").First.WaitForAsync();
        await Task.WhenAny(rendered, hubRefused.Task);
        Assert.True(hubRefused.Task.IsCompleted || rendered.IsCompletedSuccessfully, "neither a refused hub nor a rendered page");
        if (await page.GetByTestId("vote-panel").CountAsync() > 0)
        {
            var panel = page.GetByTestId("vote-panel");
            await panel.GetByText("Renew for a new term").ClickAsync();
            await panel.Locator("textarea").FillAsync("Cast from a borrowed circuit.");
            await panel.GetByTestId("cast-vote").ClickAsync();
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cast vote" }).ClickAsync();
            await page.WaitForTimeoutAsync(2000);
        }

        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Votes.CountAsync(v => v.BallotId == ballotId && v.Party == Party.City));
        }
        await Assertions.Expect(page.GetByTestId("vote-panel")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
