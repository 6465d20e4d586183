using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Authorization;
using PortalApp.Seeding;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Authorization;

/// <summary>
/// Every public method of every service that guards protected data is called as every role and as nobody,
/// and compared with one expected table. A new method without a row fails, so none escapes the check.
/// It runs on its own portal, because permitted calls with placeholder arguments may change data.
/// </summary>
public sealed class ServiceAuthorizationMatrixTests(PortalHost host) : IClassFixture<PortalHost>
{
    private static readonly Type[] Services =
    [
        typeof(global::PortalApp.Users.UserAdminService), typeof(global::PortalApp.Agreements.AgreementService), typeof(global::PortalApp.Agreements.AgreementAdminService),
        typeof(global::PortalApp.Ballots.BallotService), typeof(global::PortalApp.Records.RecordSearchService), typeof(global::PortalApp.Masking.MaskingPolicyService),
        typeof(global::PortalApp.Letters.LetterService), typeof(global::PortalApp.Letters.LetterIssuer), typeof(global::PortalApp.Letters.LetterVerifier), typeof(global::PortalApp.Letters.LetterDrafting),
        typeof(global::PortalApp.Letters.LetterTracking), typeof(global::PortalApp.Letters.LetterTemplates), typeof(global::PortalApp.Audit.AccessLogReader), typeof(global::PortalApp.Audit.AccessLogExport),
        typeof(global::PortalApp.Audit.FlagReviewQueue), typeof(global::PortalApp.Audit.OversightReportService), typeof(global::PortalApp.Audit.AuditActivity),
        typeof(global::PortalApp.Notifications.NotificationService), typeof(global::PortalApp.Records.RecordsOffer),
        typeof(global::PortalApp.Transparency.TransparencyService), typeof(global::PortalApp.Agencies.AgencyDirectory),
    ];

    /// <summary>"Type.Method" → the roles it must admit, written out here (not read from CapabilityMap).</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["UserAdminService.ListAsync"] = "Admin",
        ["UserAdminService.CreateAsync"] = "Admin",
        ["UserAdminService.SetRoleAsync"] = "Admin",
        ["UserAdminService.LockAsync"] = "Admin",
        ["UserAdminService.UnlockAsync"] = "Admin",
        ["UserAdminService.ResetPasswordAsync"] = "Admin",
        ["UserAdminService.ResetTwoFactorAsync"] = "Admin",
        ["UserAdminService.DeleteAsync"] = "Admin",
        ["AgreementService.ListAsync"] = "Admin Stakeholder Solicitor Clerk Auditor",
        ["AgreementService.UpcomingNoticeDeadlinesAsync"] = "Admin Stakeholder Solicitor Clerk Auditor",
        ["AgreementService.GetAsync"] = "Admin Stakeholder Solicitor Clerk Auditor",
        ["AgreementAdminService.AmendmentFormForAsync"] = "Admin",
        ["AgreementAdminService.AddAmendmentAsync"] = "Admin",
        ["AgreementAdminService.BallotFormForAsync"] = "Admin",
        ["AgreementAdminService.OpenBallotAsync"] = "Admin",
        ["AgreementAdminService.OpenAdoptionBallotAsync"] = "Admin",
        ["AgreementAdminService.AdoptionBallotFormForAsync"] = "Admin",
        ["AgreementAdminService.SeatCandidatesAsync"] = "Admin",
        ["AgreementAdminService.FormForAsync"] = "Admin",
        ["AgreementAdminService.CreateAsync"] = "Admin",
        ["AgreementAdminService.UpdateAsync"] = "Admin",
        ["BallotService.GetAsync"] = "Admin Stakeholder Solicitor Clerk Auditor",
        ["BallotService.GetAfterAsync"] = "Admin Stakeholder Solicitor Clerk Auditor",
        ["BallotService.CastVoteAsync"] = "Stakeholder",
        ["BallotService.NeedsMyVoteAsync"] = "Admin Stakeholder Solicitor Clerk Auditor",
        ["RecordSearchService.PermissionsAsync"] = "Clerk Stakeholder AgencyLiaison",
        ["RecordSearchService.StatePurposeAsync"] = "Clerk Stakeholder AgencyLiaison",
        ["RecordSearchService.SearchAsync"] = "Clerk Stakeholder AgencyLiaison",
        ["RecordSearchService.ViewAsync"] = "Clerk Stakeholder AgencyLiaison",
        ["RecordSearchService.ExportAsync"] = "Clerk Stakeholder AgencyLiaison",
        ["MaskingPolicyService.DraftFromCurrentAsync"] = "Admin",
        ["MaskingPolicyService.PreviewAsync"] = "Admin",
        ["MaskingPolicyService.HistoryAsync"] = "Admin",
        ["MaskingPolicyService.SaveAsync"] = "Admin",
        ["MaskingPolicyService.LiaisonAccessByAgencyAsync"] = "Admin",
        ["AgencyDirectory.ListAsync"] = ExpectedAccess.Everyone,
        ["AgencyDirectory.CreateAsync"] = "Admin",
        ["LetterService.ListAsync"] = "Solicitor Stakeholder Admin Auditor",
        ["LetterService.GetAsync"] = "Solicitor Stakeholder Admin Auditor",
        ["LetterService.PreviewAsync"] = "Solicitor Stakeholder Admin Auditor",
        ["LetterService.DecisionsAsync"] = "Solicitor",
        ["LetterService.DraftAsync"] = "Solicitor",
        ["LetterService.UpdateDraftAsync"] = "Solicitor",
        ["LetterService.DiscardDraftAsync"] = "Solicitor",
        ["LetterService.DraftFactsAsync"] = "Solicitor",
        ["LetterIssuer.IssueAsync"] = "Solicitor",
        ["LetterVerifier.GetPdfAsync"] = "Solicitor Stakeholder Admin Auditor",
        ["LetterVerifier.VerifyFileAsync"] = "Solicitor Stakeholder Admin Auditor",
        ["LetterVerifier.VerifyHashAsync"] = "Solicitor Stakeholder Admin Auditor",
        ["LetterVerifier.NotePageViewAsync"] = ExpectedAccess.Public,
        ["LetterVerifier.CheckFileAsync"] = ExpectedAccess.Public,
        ["LetterVerifier.CheckTextAsync"] = ExpectedAccess.Public,
        ["LetterDrafting.DraftAsync"] = "Solicitor",
        ["LetterDrafting.UpdateAsync"] = "Solicitor",
        ["LetterDrafting.DiscardAsync"] = "Solicitor",
        ["LetterDrafting.FactsAsync"] = "Solicitor",
        ["LetterTracking.RecordSentAsync"] = "Solicitor",
        ["LetterTracking.RecordResponseAsync"] = "Solicitor",
        ["LetterTemplates.ListAsync"] = "Solicitor",
        ["LetterTemplates.SaveAsync"] = "Solicitor",
        ["AccessLogReader.SearchAsync"] = "Auditor Admin",
        ["AccessLogReader.GetAsync"] = "Auditor Admin",
        ["AccessLogReader.VerifyAsync"] = "Auditor Admin",
        ["AccessLogExport.WriteCsvAsync"] = "Auditor Admin",
        ["FlagReviewQueue.PendingAsync"] = "Auditor Admin",
        ["FlagReviewQueue.SummaryAsync"] = "Auditor Admin",
        ["FlagReviewQueue.AcknowledgeAsync"] = "Auditor",
        ["OversightReportService.BuildAsync"] = "Auditor Admin",
        ["AuditActivity.BuildAsync"] = "Auditor Admin",
        ["NotificationService.UnreadCountAsync"] = ExpectedAccess.Everyone,
        ["NotificationService.LatestAsync"] = ExpectedAccess.Everyone,
        ["NotificationService.BellAsync"] = ExpectedAccess.Everyone,
        ["NotificationService.MarkAllReadAsync"] = ExpectedAccess.Everyone,
        ["MaskingPolicyService.LiaisonAgreementAsync"] = "Clerk Stakeholder AgencyLiaison",
        ["RecordsOffer.ForCurrentUserAsync"] = ExpectedAccess.Everyone,
        ["TransparencyService.ReadAsync"] = ExpectedAccess.Public,
    };

    /// <summary>Methods that are deliberately open inside the process (they serve other services, not people).</summary>
    private static readonly HashSet<string> Internal =
    [
        "MaskingPolicyService.AccessForRoleAsync", "MaskingPolicyService.AccessForAsync", "MaskingPolicyService.CurrentAsync",
    ];

    /// <summary>Methods that answer a missing capability with a refusal (shown to the person) instead of an exception.</summary>
    private static readonly Dictionary<string, Func<object?, bool>> RefusesInItsAnswer = new()
    {
        ["BallotService.CastVoteAsync"] = r => r is global::PortalApp.Ballots.VoteResult { Succeeded: false } v
            && v.Message.StartsWith("Only a signatory party's official may vote", StringComparison.Ordinal),
    };

    private static IEnumerable<MethodInfo> Methods() =>
        Services.Distinct().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) && !m.IsSpecialName);

    private static string Key(MethodInfo m) => $"{m.DeclaringType!.Name}.{m.Name}";

    [Fact]
    public void EveryPublicServiceMethodHasARowInTheTable()
    {
        var missing = Methods().Select(Key).Where(k => !Expected.ContainsKey(k) && !Internal.Contains(k)).Distinct().ToList();
        Assert.True(missing.Count == 0, $"Service methods without an expected capability: {string.Join(", ", missing)}");
    }

    public static TheoryData<string?> Callers() => [.. DemoAccounts.All.Select(a => a.Email).Append(null)];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EachServiceMethodAdmitsExactlyTheRolesOfItsRow(string? email)
    {
        var role = email is null ? null : DemoAccounts.All.Single(a => a.Email == email).Role;
        var wrong = new List<string>();
        foreach (var method in Methods().Where(m => Expected.ContainsKey(Key(m))))
        {
            await using var scope = await host.ScopeAsAsync(email);
            var service = scope.ServiceProvider.GetRequiredService(method.DeclaringType!);
            var denied = false;
            try
            {
                var task = (Task)method.Invoke(service, [.. method.GetParameters().Select(Placeholder)])!;
                await task;
                if (RefusesInItsAnswer.TryGetValue(Key(method), out var refused))
                {
                    denied = refused(task.GetType().GetProperty("Result")?.GetValue(task));
                }
            }
            catch (CapabilityDeniedException)
            {
                denied = true;
            }
            catch (Exception)
            {
                // A permitted call with placeholder arguments may fail for other reasons; only the capability matters here.
            }
            var allowed = ExpectedAccess.Admits(Expected[Key(method)], role);
            if (denied == allowed)
            {
                wrong.Add($"{Key(method)} as {role ?? "nobody"}: {(denied ? "denied" : "admitted")}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static object? Placeholder(ParameterInfo p)
    {
        var t = p.ParameterType;
        if (p.HasDefaultValue)
        {
            return p.DefaultValue is null && t.IsValueType ? Activator.CreateInstance(t) : p.DefaultValue;
        }
        if (t == typeof(string))
        {
            return "placeholder";
        }
        if (t == typeof(int) || t == typeof(long))
        {
            return Convert.ChangeType(999_999, t, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (t == typeof(byte[]))
        {
            return Array.Empty<byte>();
        }
        if (t == typeof(Stream))
        {
            return new MemoryStream();
        }
        if (t == typeof(DateOnly))
        {
            return DateOnly.FromDateTime(DateTime.UtcNow);
        }
        if (t == typeof(DateTimeOffset))
        {
            return DateTimeOffset.UtcNow;
        }
        if (t.IsValueType)
        {
            return Activator.CreateInstance(t);
        }
        return t.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(t) : RuntimeHelpers.GetUninitializedObject(t);
    }
}
