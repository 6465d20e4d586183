using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;

namespace PortalApp.Letters;

/// <summary>The Solicitor's templates. A template is checked by merging it with sample facts before it is saved.</summary>
public sealed class LetterTemplates(
    IDbContextFactory<PortalDbContext> dbFactory,
    Capabilities capabilities,
    AccessLog accessLog,
    TimeProvider time)
{
    public async Task<IReadOnlyList<LetterTemplateSummary>> ListAsync(CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.IssueLetter, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LetterTemplates.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new LetterTemplateSummary(t.Id, t.Name, t.Kind, t.Subject, t.Body, t.UpdatedUtc)).ToListAsync(ct);
    }

    /// <summary>Creates a template when <paramref name="id"/> is null, else changes it. Drafts already made keep their text.</summary>
    public async Task<OperationResult> SaveAsync(int? id, string name, LetterKind kind, string subject, string body, CancellationToken ct = default)
    {
        var user = await capabilities.RequireAsync(Policies.IssueLetter, ct: ct);
        if (InputRules.First(
                InputRules.Problem(name, "The template's name", 120),
                InputRules.Problem(subject, "The subject", 300),
                InputRules.Problem(body, "The body", LetterDrafting.MaxBodyLength, multiline: true),
                LetterGlyphs.Problem(subject, "The subject"),
                LetterGlyphs.Problem(body, "The body")) is { } invalid)
        {
            return OperationResult.Fail(invalid);
        }
        if (TryMerge(subject, body) is { } problem)
        {
            return OperationResult.Fail(problem);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = id is null ? new LetterTemplate() : await db.LetterTemplates.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return OperationResult.Fail("That template no longer exists.");
        }
        await accessLog.AppendAsync(new AccessEvent(AccessActions.LetterAction)
        {
            Actor = user,
            Target = id is null ? $"template new \"{name.Trim()}\": create" : $"template {id} \"{name.Trim()}\": change",
        }, ct);
        (template.Name, template.Kind, template.Subject, template.Body, template.UpdatedUtc) = (name.Trim(), kind, subject.Trim(), body.Trim(), time.GetUtcNow());
        if (id is null)
        {
            db.LetterTemplates.Add(template);
        }
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok($"Template \"{template.Name}\" saved.");
    }

    /// <summary>The template merged with sample facts, so the Solicitor sees what it produces; an error message otherwise.</summary>
    public static (string? Subject, string? Body, string? Error) Sample(string subject, string body)
    {
        try
        {
            return (LetterMerge.Render(subject, SampleFields), LetterMerge.Render(body, SampleFields), null);
        }
        catch (LetterTemplateException ex)
        {
            return (null, null, ex.Message);
        }
    }

    private static string? TryMerge(string subject, string body) => Sample(subject, body).Error;

    private static readonly MergeFields SampleFields = new(
        "PARS-ICE-2008", "PARS data-sharing agreement", new DateOnly(2008, 10, 1), new DateOnly(2027, 6, 30), new DateOnly(2027, 4, 1),
        "U.S. Immigration and Customs Enforcement", "Field Office Director", "Field Office Director",
        ["the City", "the District Attorney", "the Courts"], "Terminate", "Terminate 2, Renew 0, Abstain 1",
        new DateTimeOffset(2027, 1, 15, 17, 0, 0, TimeSpan.Zero), false, "Term ending 2027-06-30", new DateOnly(2027, 7, 1),
        [new Finding("The City", "Terminate", "The agency did not audit its own use of the data.")], "Jordan Lee");
}
