using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;

namespace PortalApp.Letters;

/// <summary>After issue: when and how the letter went out, and what the counterparty answered. The letter itself stays as issued.</summary>
public sealed class LetterTracking(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    TimeProvider time)
{
    public static readonly IReadOnlyList<string> Methods = ["Certified mail", "Email", "Hand delivery", "Courier", "Fax"];

    public async Task<OperationResult> RecordSentAsync(int id, DateTimeOffset sentUtc, string method, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.IssueLetter, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.Letters.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null || letter.Status != LetterStatus.Issued)
        {
            return OperationResult.Fail("Only an issued letter can be sent.");
        }
        if (InputRules.Problem(method, "How the letter was sent", 100) is { } methodProblem)
        {
            return OperationResult.Fail(methodProblem);
        }
        if (sentUtc < letter.IssuedUtc!.Value.AddMinutes(-1) || sentUtc > time.GetUtcNow().AddMinutes(5))
        {
            return OperationResult.Fail("The sending time must lie between the letter's issue and now.");
        }
        await accessLog.AppendAsync(LetterEvents.Access(user, letter, $"record sent {sentUtc:O} by {method.Trim()}"), ct);
        letter.SentUtc = sentUtc;
        letter.SentMethod = method.Trim();
        db.AgreementEvents.Add(LetterEvents.Timeline(letter, "letter-sent", $"{letter.Number} sent to the counterparty by {letter.SentMethod} on {PortalTime.Format(sentUtc)}.", user, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok($"Recorded: sent by {letter.SentMethod}.");
    }

    public async Task<OperationResult> RecordResponseAsync(int id, DateOnly received, string summary, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.IssueLetter, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.Letters.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null || letter.Status != LetterStatus.Issued)
        {
            return OperationResult.Fail("Only an issued letter can have a response.");
        }
        if (InputRules.Problem(summary, "The summary of the response", 2000, multiline: true) is { } summaryProblem)
        {
            return OperationResult.Fail(summaryProblem);
        }
        var issuedOn = DateOnly.FromDateTime(PortalTime.ToCity(letter.IssuedUtc!.Value).DateTime);
        if (received < issuedOn || received > PortalTime.Today(time))
        {
            return OperationResult.Fail("The response date must lie between the letter's issue and today.");
        }
        await accessLog.AppendAsync(LetterEvents.Access(user, letter, $"record response of {received:yyyy-MM-dd}"), ct);
        letter.ResponseDate = received;
        letter.ResponseSummary = summary.Trim();
        db.AgreementEvents.Add(LetterEvents.Timeline(letter, "letter-response", $"The counterparty answered {letter.Number} on {LetterMerge.Long(received)}: {letter.ResponseSummary}", user, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok("Response recorded.");
    }
}
