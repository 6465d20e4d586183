using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;
using PortalApp.Live;
using PortalApp.Notifications;
using PortalApp.Terms;

namespace PortalApp.Ballots;

public sealed partial class BallotService
{
    public const int RationaleMaxLength = 2000;

    /// <summary>
    /// Casts or changes the user's seat's vote. The vote, the decision it may trigger, the timeline, the
    /// notification and the access-log entry commit in one write transaction (BEGIN IMMEDIATE on SQLite), so
    /// concurrent votes are serialized and the decision is taken exactly once.
    /// </summary>
    public async Task<VoteResult> CastVoteAsync(VoteRequest request, CancellationToken ct = default)
    {
        var user = await capabilities.CurrentUserAsync(ct);
        if (!await capabilities.HasAsync(Policies.CastVote, user, ct))
        {
            return await RefuseAsync(user, request, $"Only a signatory party's official may vote; your role ({user.PortalRole() ?? "none"}) may view the ballot but not vote.", flagged: false, ct: ct);
        }
        if (!Enum.TryParse<Party>(user.Party(), out var party))
        {
            return await RefuseAsync(user, request, "Your account is not assigned to a signatory party, so it cannot vote.", flagged: false, ct: ct);
        }
        if (request.Seat != party)
        {
            return await RefuseAsync(user, request, $"You may vote only for your own party's seat ({PartyNames.Of(party)}); this vote was for the {PartyNames.Of(request.Seat)} seat.", flagged: true, ct: ct);
        }
        if (!Enum.IsDefined(request.Choice))
        {
            return await RefuseAsync(user, request, "Choose Renew, Terminate, Abstain or Recuse.", flagged: false, ct: ct);
        }
        var rationale = (request.Rationale ?? "").Trim();
        if (InputRules.Problem(rationale, "The rationale", RationaleMaxLength, multiline: true) is { } problem)
        {
            return VoteResult.Refused($"{problem} Nothing was recorded.");
        }

        var outcome = await WriteRetry.RunAsync(() => CastInTransactionAsync(user, party, request with { Rationale = rationale }, ct), ct: ct);
        if (outcome.Refusal is { } refusal)
        {
            return await RefuseAsync(user, request, refusal, flagged: false, ct: ct);
        }
        foreach (var change in outcome.Changes)
        {
            notifier.Publish(change);
        }
        return outcome.Result!;
    }

    private sealed record Attempt(VoteResult? Result, string? Refusal, IReadOnlyList<BallotChange> Changes);

    private async Task<Attempt> CastInTransactionAsync(ClaimsPrincipal user, Party party, VoteRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await ChainTransaction.BeginAsync(db, ct);
        var now = time.GetUtcNow();
        var ballot = await db.Ballots.Include(b => b.Agreement).ThenInclude(a => a!.Seats).Include(b => b.Decision)
            .FirstOrDefaultAsync(b => b.Id == request.BallotId, ct);
        if (ballot is null)
        {
            return new Attempt(null, $"Ballot {request.BallotId} does not exist.", []);
        }
        var agreement = ballot.Agreement!;
        if (ballot.Decision is { } decided)
        {
            return new Attempt(null, BallotDecider.ClosedMessage(ballot, decided), []);
        }
        if (!DecisionRule.Choices(ballot.Kind).Contains(request.Choice))
        {
            return new Attempt(null, $"On this ballot choose {string.Join(", ", DecisionRule.Choices(ballot.Kind).SkipLast(1))} or {DecisionRule.Choices(ballot.Kind)[^1]}; nothing was recorded.", []);
        }
        if (now < ballot.OpensUtc)
        {
            return new Attempt(null, $"This ballot opens at {PortalTime.Format(ballot.OpensUtc)}; votes are not accepted before then.", []);
        }
        var current = await db.Votes.Where(v => v.BallotId == ballot.Id && v.IsCurrent).ToListAsync(ct);
        if (now >= ballot.ClosesUtc)
        {
            // The closing service may not have run yet: the default outcome is recorded here, at the closing instant.
            var closedTally = DecisionRule.Count(current.Select(v => v.Choice), agreement.Seats.Count, ballot.TerminationThreshold, ballot.Kind);
            var byDefault = DecisionRule.Decide(closedTally, closed: true, DecisionRule.DefaultOutcome(ballot.Kind, agreement.DefaultOutcome))!.Value;
            await BallotDecider.RecordAsync(db, accessLog, ballot, agreement, byDefault, closedTally, ballot.ClosesUtc, null, null);
            await tx.CommitAsync(ct);
            notifier.Publish(new BallotChange(BallotChangeKind.Decided, agreement.Id, ballot.Id));
            return new Attempt(null, BallotDecider.ClosedMessage(ballot, ballot.Decision!), []);
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var seat = agreement.Seats.FirstOrDefault(s => s.Party == party);
        var voter = VoterSeatOf(user, agreement.Seats);
        if (seat is null || voter is null)
        {
            return new Attempt(null, seat is null
                ? $"The {PartyNames.Of(party)} holds no seat on {agreement.Reference}."
                : $"You are neither the primary official nor the alternate of the {PartyNames.Of(party)} seat on {agreement.Reference}.", []);
        }
        var previous = current.FirstOrDefault(v => v.Party == party);
        if (previous is not null && previous.Choice == request.Choice && previous.Rationale == request.Rationale)
        {
            return new Attempt(null, $"Your seat's current vote is already {request.Choice} with this rationale; nothing changed.", []);
        }
        if (previous is not null)
        {
            previous.IsCurrent = false;
            await db.SaveChangesAsync(ct);
        }

        var vote = new Vote
        {
            BallotId = ballot.Id,
            Party = party,
            Choice = request.Choice,
            Rationale = request.Rationale,
            CastByUserId = userId ?? "",
            CastByUserName = user.Identity?.Name ?? "",
            CastByAlternate = voter.AsAlternate,
            CastUtc = VoteReceipts.ToHundredth(now),
            IsCurrent = true,
        };
        var lastReceipt = await db.Votes.Where(v => v.BallotId == ballot.Id).OrderByDescending(v => v.Id)
            .Select(v => v.ReceiptHash).FirstOrDefaultAsync(ct);
        vote.ReceiptHash = VoteReceipts.Hash(vote, ballot.AmendmentHash, lastReceipt ?? "genesis");
        db.Votes.Add(vote);
        var names = await DisplayNamesAsync(db, new[] { vote.CastByUserId, seat.PrimaryUserId, previous?.CastByUserId }.OfType<string>(), ct);
        var primaryName = names.GetValueOrDefault(seat.PrimaryUserId);
        var castBy = new VoteAuthors(
            SeatPeople.CastBy(names.GetValueOrDefault(vote.CastByUserId, vote.CastByUserName), vote.CastByAlternate, primaryName),
            previous is null ? null : SeatPeople.CastBy(names.GetValueOrDefault(previous.CastByUserId, previous.CastByUserName), previous.CastByAlternate, primaryName),
            ReplacesOther: previous is not null && previous.CastByUserId != vote.CastByUserId);
        AddVoteToTimeline(db, agreement, ballot, vote, previous, castBy);
        Notices.Post(db, vote.CastUtc, $"{agreement.Reference}: {VoteNotice(vote, previous, castBy)}", $"/ballots/{ballot.Id}");
        await db.SaveChangesAsync(ct);
        await accessLog.AppendWithinAsync(db, new AccessEvent(AccessActions.Vote)
        {
            Actor = user,
            Target = $"ballot:{ballot.Id}",
            Filters = $"agreement={agreement.Reference}; seat={party}; choice={vote.Choice}; previous={previous?.Choice.ToString() ?? "none"}; previous-by={previous?.CastByUserName ?? "none"}; alternate={(vote.CastByAlternate ? "yes" : "no")}; receipt={vote.ReceiptHash}",
        }, ct);

        var changes = new List<BallotChange> { new(BallotChangeKind.VoteCast, agreement.Id, ballot.Id) };
        var tally = DecisionRule.Count(current.Where(v => v.IsCurrent).Select(v => v.Choice).Append(vote.Choice), agreement.Seats.Count, ballot.TerminationThreshold, ballot.Kind);
        if (DecisionRule.Decide(tally, closed: false, DecisionRule.DefaultOutcome(ballot.Kind, agreement.DefaultOutcome)) is { } decision)
        {
            await BallotDecider.RecordAsync(db, accessLog, ballot, agreement, decision, tally, vote.CastUtc, vote.Id, user);
            changes.Add(new BallotChange(BallotChangeKind.Decided, agreement.Id, ballot.Id));
        }
        await tx.CommitAsync(ct);

        var receipt = new VoteReceipt(ballot.Id, agreement.Reference, party, vote.Choice, vote.CastByUserName, vote.CastByAlternate, vote.CastUtc, vote.ReceiptHash);
        var replaced = previous is not null && castBy.ReplacesOther
            ? $" It replaces the {PartyNames.Of(party)} seat's vote of {PartyNames.Of(previous.Choice)}, cast by {castBy.Previous} at {PortalTime.Format(previous.CastUtc)}; both stay in the ballot's history."
            : "";
        var message = changes.Count > 1
            ? $"Your vote was recorded and met the threshold: the ballot is decided — {BallotQuestion.Outcome(ballot.Decision!.Outcome)}.{replaced}"
            : previous is null ? "Your vote was recorded."
            : castBy.ReplacesOther ? $"Your vote was recorded: {PartyNames.Of(vote.Choice)}.{replaced}"
            : previous.Choice == vote.Choice ? $"Your vote stays {PartyNames.Of(vote.Choice)}; its rationale was updated."
            : $"Your vote was changed from {previous.Choice} to {vote.Choice}.";
        return new Attempt(new VoteResult(true, message, receipt), null, changes);
    }

    /// <summary>Who cast the new vote, who cast the one it replaces, and whether they are different people.</summary>
    private sealed record VoteAuthors(string Current, string? Previous, bool ReplacesOther);

    private static void AddVoteToTimeline(PortalDbContext db, Agreement agreement, Ballot ballot, Vote vote, Vote? previous, VoteAuthors castBy)
    {
        var seat = PartyNames.Of(vote.Party);
        var term = BallotQuestion.InSentence(ballot.Kind, ballot.Term);
        var (kind, summary) = (vote.Choice, previous) switch
        {
            (VoteChoice.Recuse, null) => (AgreementTimeline.Recusal, $"The {seat} seat recused itself on {term}, cast by {castBy.Current}."),
            (VoteChoice.Recuse, _) => (AgreementTimeline.Recusal, $"The {seat} seat recused itself on {term}, cast by {castBy.Current}, replacing {PartyNames.Of(previous.Choice)}, cast by {castBy.Previous}."),
            (_, null) => (AgreementTimeline.Vote, $"The {seat} seat voted {vote.Choice} on {term}, cast by {castBy.Current}."),
            _ when castBy.ReplacesOther => (AgreementTimeline.VoteChanged, $"The {seat} seat's vote on {term} changed from {PartyNames.Of(previous.Choice)}, cast by {castBy.Previous}, to {vote.Choice}, cast by {castBy.Current}."),
            _ when previous.Choice == vote.Choice => (AgreementTimeline.VoteChanged, $"The {seat} seat kept its vote of {vote.Choice} on {term} and updated its rationale, cast by {castBy.Current}."),
            _ => (AgreementTimeline.VoteChanged, $"The {seat} seat changed its vote on {term} from {PartyNames.Of(previous.Choice)} to {vote.Choice}, cast by {castBy.Current}."),
        };
        AgreementTimeline.Add(db, agreement.Id, vote.CastUtc, kind, summary, vote.CastByUserName);
    }

    private static string VoteNotice(Vote vote, Vote? previous, VoteAuthors castBy)
    {
        var seat = PartyNames.Of(vote.Party);
        var choice = PartyNames.Of(vote.Choice);
        return previous is null ? $"the {seat} seat voted {choice} ({castBy.Current})."
            : castBy.ReplacesOther ? $"the {seat} seat's vote changed from {PartyNames.Of(previous.Choice)} ({castBy.Previous}) to {choice} ({castBy.Current})."
            : previous.Choice == vote.Choice ? $"the {seat} seat kept its vote of {choice} and updated its rationale ({castBy.Current})."
            : $"the {seat} seat changed its vote from {PartyNames.Of(previous.Choice)} to {choice} ({castBy.Current}).";
    }

    private async Task<VoteResult> RefuseAsync(ClaimsPrincipal user, VoteRequest request, string message, bool flagged, CancellationToken ct)
    {
        await accessLog.AppendAsync(new AccessEvent(AccessActions.Vote, AccessOutcomes.Refused)
        {
            Actor = user,
            Target = $"ballot:{request.BallotId}",
            Filters = $"seat={request.Seat}; choice={request.Choice}; refused={message}",
            Flagged = flagged,
            FlagReason = flagged ? "Vote attempted for another party's seat." : null,
        }, ct);
        return VoteResult.Refused(message);
    }
}
