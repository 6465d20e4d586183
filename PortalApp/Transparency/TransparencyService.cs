using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Common;
using PortalApp.Records;
using PortalApp.Terms;

namespace PortalApp.Transparency;

/// <summary>
/// The public record: agreements, decided ballots, issued letters, the agency's monthly use and the log's daily sealed
/// heads. Open to anyone (it holds no record value and no person's name); every read is logged without personal data.
/// </summary>
public sealed class TransparencyService(
    IDbContextFactory<PortalDbContext> dbFactory,
    AgencyUseTally use,
    AccessLogSealer sealer,
    AccessLog accessLog,
    IOptions<RecordsOptions> options,
    TimeProvider time)
{
    /// <summary>How many city days of sealed heads are published, ending today.</summary>
    public const int HeadDays = 31;

    /// <summary>Logs the read of <paramref name="what"/> (the page, the CSV or the JSON), then builds the record.</summary>
    public async Task<TransparencyRecord> ReadAsync(string what, CancellationToken ct = default)
    {
        await accessLog.AppendAsync(new AccessEvent(AccessActions.PublicRead) { Target = $"transparency {what}", WithoutClient = true }, ct);
        return await BuildAsync(ct);
    }

    private async Task<TransparencyRecord> BuildAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Agency).OrderBy(a => a.Reference).ToListAsync(ct);
        var lifecycles = await LifecycleFacts.LifecyclesAsync(db, agreements, now, ct);
        var published = agreements.Where(a => lifecycles[a.Id].Phase != LifecyclePhase.Draft)
            .Select(a => new PublicAgreement(a.Reference, a.Agency?.ShortName ?? "", a.Counterparty, lifecycles[a.Id].Label, a.EffectiveDate, lifecycles[a.Id].EndsOn))
            .ToList();
        var references = agreements.ToDictionary(a => a.Id, a => a.Reference);

        var ballots = await db.Ballots.AsNoTracking().Where(b => b.Decision != null)
            .Select(b => new
            {
                b.AgreementId, b.Term, b.Decision!.Outcome, b.Decision.ByDefault, b.Decision.Tally, b.Decision.DecidedUtc,
                Votes = b.Votes.Where(v => v.IsCurrent).Select(v => new { v.Party, v.Choice }).ToList(),
            })
            .ToListAsync(ct);
        var decided = ballots.OrderBy(b => b.DecidedUtc).Select(b => new PublicBallot(
            references.GetValueOrDefault(b.AgreementId, ""), b.Term, b.Outcome, b.ByDefault, b.Tally, PortalTime.CityDate(b.DecidedUtc),
            [.. Enum.GetValues<Party>().Select(p => new PublicSeatVote(p, b.Votes.FirstOrDefault(v => v.Party == p)?.Choice.ToString() ?? "no vote"))]))
            .ToList();

        var letters = (await db.Letters.AsNoTracking().Where(l => l.Status == LetterStatus.Issued && l.Number != null && l.IssuedUtc != null)
                .Select(l => new { l.Number, l.IssuedUtc, l.Kind, l.AgreementId }).ToListAsync(ct))
            .OrderBy(l => l.IssuedUtc).ThenBy(l => l.Number, StringComparer.Ordinal)
            .Select(l => new PublicLetter(l.Number!, PortalTime.CityDate(l.IssuedUtc!.Value), l.Kind, references.GetValueOrDefault(l.AgreementId, "")))
            .ToList();

        // A liaison's access follows their own agency's agreement (MaskingPolicyService), so an agency's use is under its agreements.
        var agreementsOf = agreements.Where(a => a.Agency is not null).GroupBy(a => a.Agency!.ShortName)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.OrderBy(a => a.EffectiveDate).Select(a => a.Reference)));
        var monthly = await use.MonthsAsync(agreementsOf, ct);
        var today = PortalTime.CityDate(now);
        var heads = await sealer.DailyHeadsAsync(today.AddDays(1 - HeadDays), today, ct);
        var o = options.Value;
        return new TransparencyRecord(now, published, decided, letters, monthly, heads,
            $"{o.LiaisonHoursStart:HH\\:mm}–{o.LiaisonHoursEnd:HH\\:mm} ET");
    }
}
