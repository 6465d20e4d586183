using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Authorization;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;
using PortalApp.Users;

namespace PortalApp.Tests.Users;

/// <summary>Issue 19, item 5: the sign-in form answers a locked account exactly as it answers an unknown one.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SignInAnswerTests(PortalHost host)
{
    [Fact]
    public async Task ALockedAccountAndAnUnknownEmailGetTheSameAnswerOnTheSamePage()
    {
        var locked = $"answer-{Guid.NewGuid():N}@portal.local";
        await using (var scope = await host.ScopeAsAsync("admin@portal.local"))
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdminService>()
                .CreateAsync(new NewUser(locked, "Answer Test", Roles.Clerk, null, DemoAccounts.Password));
            Assert.True(created.Succeeded, created.Message);
        }
        using var client = await SignIn.ClientAsync(host.BaseUrl, null);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await SignIn.PostLoginAsync(client, locked, "Wrong-password-1!"));
        }

        var lockedAnswer = await SignIn.PostLoginAsync(client, locked, DemoAccounts.Password);
        var unknownEmail = $"nobody-{Guid.NewGuid():N}@portal.local";
        var unknownAnswer = await SignIn.PostLoginAsync(client, unknownEmail, DemoAccounts.Password);

        Assert.All(answers.Append(lockedAnswer).Append(unknownAnswer), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var lockedPage = Comparable(await lockedAnswer.Content.ReadAsStringAsync(), locked);
        var unknownPage = Comparable(await unknownAnswer.Content.ReadAsStringAsync(), unknownEmail);
        Assert.Contains("do not match an account", lockedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("locked-out", lockedPage, StringComparison.Ordinal);
        Assert.Equal(unknownPage, lockedPage);
        // The account is locked all the same: the right password did not sign it in.
        Assert.Empty(lockedAnswer.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Where(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)) : []);
    }

    /// <summary>The page as answered, less what differs by design: the email typed back into the form and the protected tokens (antiforgery, component state).</summary>
    private static string Comparable(string html, string email) =>
        Token().Replace(html.Replace(email, "EMAIL", StringComparison.Ordinal), "TOKEN");

    [GeneratedRegex("CfDJ8[A-Za-z0-9_+/=-]*")]
    private static partial Regex Token();
}
