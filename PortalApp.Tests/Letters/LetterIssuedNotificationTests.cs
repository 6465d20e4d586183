using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Common;
using PortalApp.Notifications;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Letters;

[Collection(AppCollection.Name)]
public sealed class LetterIssuedNotificationTests(PortalHost host)
{
    [Fact]
    public async Task AnIssuedLetterReachesTheStakeholdersTheSolicitorAndTheAuditorButNotTheLiaisonOrTheClerk()
    {
        var (agreementId, letterId) = await LetterScenario.IssuedTerminationAsync(host);
        await using var db = await LetterScenario.Db(host);
        var letter = await db.Letters.AsNoTracking().Include(l => l.Agreement).SingleAsync(l => l.Id == letterId);
        var cutOff = letter.Agreement!.TerminationEffectiveUtc!.Value;
        var expected = $"{letter.Number} issued: termination of {letter.Agreement.Reference}, access ends {PortalTime.Format(cutOff)}";
        Assert.Equal(agreementId, letter.AgreementId);
        Assert.EndsWith("12:00 AM ET", expected, StringComparison.Ordinal);

        foreach (var reader in new[] { "city@portal.local", "da@portal.local", "courts@portal.local", LetterScenario.Solicitor, "auditor@portal.local" })
        {
            var item = Assert.Single(await BellAsync(reader), n => n.Text.Contains(letter.Number!, StringComparison.Ordinal));
            Assert.Equal(expected, item.Text);
            Assert.Equal($"/letters/{letterId}", item.Link);
            Assert.True(item.Unread, reader);
        }
        foreach (var outsider in new[] { "liaison@portal.local", "clerk@portal.local" })
        {
            Assert.DoesNotContain(await BellAsync(outsider), n => n.Text.Contains(letter.Number!, StringComparison.Ordinal));
        }
    }

    private async Task<IReadOnlyList<NotificationItem>> BellAsync(string email)
    {
        await using var scope = await host.ScopeAsAsync(email);
        return (await scope.ServiceProvider.GetRequiredService<NotificationService>().BellAsync()).Latest;
    }
}
