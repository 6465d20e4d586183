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
    ];

    /// <summary>"Type.Method" → the capability it demands.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["UserAdminService.ListAsync"] = Policies.ManageUsers,
        ["UserAdminService.CreateAsync"] = Policies.ManageUsers,
        ["UserAdminService.SetRoleAsync"] = Policies.ManageUsers,
        ["UserAdminService.LockAsync"] = Policies.ManageUsers,
        ["UserAdminService.UnlockAsync"] = Policies.ManageUsers,
        ["UserAdminService.ResetPasswordAsync"] = Policies.ManageUsers,
        ["UserAdminService.ResetTwoFactorAsync"] = Policies.ManageUsers,
        ["UserAdminService.DeleteAsync"] = Policies.ManageUsers,
        ["AgreementService.ListAsync"] = Policies.ReadAgreements,
        ["AgreementService.UpcomingNoticeDeadlinesAsync"] = Policies.ReadAgreements,
        ["AgreementService.GetAsync"] = Policies.ReadAgreements,
        ["AgreementAdminService.AmendmentFormForAsync"] = Policies.ManageAgreements,
        ["AgreementAdminService.AddAmendmentAsync"] = Policies.ManageAgreements,
        ["AgreementAdminService.BallotFormForAsync"] = Policies.ManageAgreements,
        ["AgreementAdminService.OpenBallotAsync"] = Policies.ManageAgreements,
        ["AgreementAdminService.SeatCandidatesAsync"] = Policies.ManageAgreements,
        ["AgreementAdminService.FormForAsync"] = Policies.ManageAgreements,
        ["AgreementAdminService.CreateAsync"] = Policies.ManageAgreements,
        ["AgreementAdminService.UpdateAsync"] = Policies.ManageAgreements,
        ["BallotService.GetAsync"] = Policies.ReadBallots,
        ["BallotService.GetAfterAsync"] = Policies.ReadBallots,
        ["BallotService.CastVoteAsync"] = Policies.CastVote,
        ["BallotService.NeedsMyVoteAsync"] = Policies.ReadBallots,
        ["RecordSearchService.PermissionsAsync"] = Policies.BrowseRecords,
        ["RecordSearchService.StatePurposeAsync"] = Policies.BrowseRecords,
        ["RecordSearchService.SearchAsync"] = Policies.BrowseRecords,
        ["RecordSearchService.ViewAsync"] = Policies.BrowseRecords,
        ["RecordSearchService.ExportAsync"] = Policies.BrowseRecords,
        ["MaskingPolicyService.DraftFromCurrentAsync"] = Policies.ManagePolicy,
        ["MaskingPolicyService.PreviewAsync"] = Policies.ManagePolicy,
        ["MaskingPolicyService.HistoryAsync"] = Policies.ManagePolicy,
        ["MaskingPolicyService.SaveAsync"] = Policies.ManagePolicy,
        ["LetterService.ListAsync"] = Policies.ReadLetters,
        ["LetterService.GetAsync"] = Policies.ReadLetters,
        ["LetterService.PreviewAsync"] = Policies.ReadLetters,
        ["LetterService.DecisionsAsync"] = Policies.IssueLetter,
        ["LetterService.DraftAsync"] = Policies.IssueLetter,
        ["LetterService.UpdateDraftAsync"] = Policies.IssueLetter,
        ["LetterService.DiscardDraftAsync"] = Policies.IssueLetter,
        ["LetterService.DraftFactsAsync"] = Policies.IssueLetter,
        ["LetterIssuer.IssueAsync"] = Policies.IssueLetter,
        ["LetterVerifier.GetPdfAsync"] = Policies.ReadLetters,
        ["LetterVerifier.VerifyFileAsync"] = Policies.ReadLetters,
        ["LetterVerifier.VerifyHashAsync"] = Policies.ReadLetters,
        ["LetterDrafting.DraftAsync"] = Policies.IssueLetter,
        ["LetterDrafting.UpdateAsync"] = Policies.IssueLetter,
        ["LetterDrafting.DiscardAsync"] = Policies.IssueLetter,
        ["LetterDrafting.FactsAsync"] = Policies.IssueLetter,
        ["LetterTracking.RecordSentAsync"] = Policies.IssueLetter,
        ["LetterTracking.RecordResponseAsync"] = Policies.IssueLetter,
        ["LetterTemplates.ListAsync"] = Policies.IssueLetter,
        ["LetterTemplates.SaveAsync"] = Policies.IssueLetter,
        ["AccessLogReader.SearchAsync"] = Policies.ReadAuditLog,
        ["AccessLogReader.GetAsync"] = Policies.ReadAuditLog,
        ["AccessLogReader.VerifyAsync"] = Policies.ReadAuditLog,
        ["AccessLogExport.WriteCsvAsync"] = Policies.ReadAuditLog,
        ["FlagReviewQueue.PendingAsync"] = Policies.ReadAuditLog,
        ["FlagReviewQueue.SummaryAsync"] = Policies.ReadAuditLog,
        ["FlagReviewQueue.AcknowledgeAsync"] = Policies.ReviewFlags,
        ["OversightReportService.BuildAsync"] = Policies.ReadAuditLog,
        ["AuditActivity.BuildAsync"] = Policies.ReadAuditLog,
        ["NotificationService.UnreadCountAsync"] = Policies.SignedIn,
        ["NotificationService.LatestAsync"] = Policies.SignedIn,
        ["NotificationService.BellAsync"] = Policies.SignedIn,
        ["NotificationService.MarkAllReadAsync"] = Policies.SignedIn,
        ["MaskingPolicyService.LiaisonAgreementAsync"] = Policies.BrowseRecords,
        ["RecordsOffer.ForCurrentUserAsync"] = Policies.SignedIn,
    };

    /// <summary>Methods that are deliberately open inside the process (they serve other services, not people).</summary>
    private static readonly HashSet<string> Internal =
    [
        "MaskingPolicyService.AccessForRoleAsync", "MaskingPolicyService.CurrentAsync",
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
    public async Task EachServiceMethodAdmitsExactlyTheRolesOfItsCapability(string? email)
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
            var allowed = role is not null && CapabilityMap.Allows(role, Expected[Key(method)]);
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
