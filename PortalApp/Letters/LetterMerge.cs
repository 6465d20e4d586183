using System.Globalization;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Runtime;
using PortalApp.Common;

namespace PortalApp.Letters;

/// <summary>The values a template may use, already formatted for print.</summary>
public sealed record MergeFields(
    string AgreementReference,
    string AgreementTitle,
    DateOnly AgreementEffectiveDate,
    DateOnly AgreementExpiryDate,
    DateOnly NoticeDeadline,
    string Counterparty,
    string CounterpartyAddress,
    string Addressee,
    IReadOnlyList<string> Parties,
    string Outcome,
    string Tally,
    DateTimeOffset DecidedUtc,
    bool ByDefault,
    string Term,
    DateOnly EffectiveDate,
    IReadOnlyList<Finding> Findings,
    string SolicitorName);

public sealed record Finding(string Party, string Choice, string Rationale);

/// <summary>
/// Merges a Solicitor's template (Liquid syntax, rendered by Scriban, BSD-2-Clause) with a decision's facts.
/// Templates see only the plain values below, never .NET objects, and loops are bounded.
/// </summary>
public static partial class LetterMerge
{
    public static readonly IReadOnlyList<(string Name, string Meaning)> FieldGuide =
    [
        ("agreement.reference / .title", "the agreement's reference and title"),
        ("agreement.effective_date / .expiry_date / .notice_deadline", "its dates"),
        ("counterparty.name / .address", "the outside agency"),
        ("addressee", "the first line of the addressee block"),
        ("parties (list), parties_text", "the signatory parties"),
        ("decision.outcome / .tally / .date / .by_default", "the ballot's decision"),
        ("ballot.term", "the term decided on"),
        ("effective_date, effective_instant", "when the letter takes effect"),
        ("findings (list of party, choice, rationale), has_findings", "the rationales of the votes for the decision"),
        ("solicitor.name", "who signs"),
    ];

    /// <summary>Checks a template's syntax; null when it parses.</summary>
    public static string? SyntaxError(string source)
    {
        var template = Template.ParseLiquid(source);
        return template.HasErrors ? string.Join(" ", template.Messages.Select(m => m.Message)) : null;
    }

    public static string Render(string source, MergeFields fields)
    {
        var template = Template.ParseLiquid(source);
        if (template.HasErrors)
        {
            throw new LetterTemplateException(string.Join(" ", template.Messages.Select(m => m.Message)));
        }
        var context = new LiquidTemplateContext { StrictVariables = false, LoopLimit = 500, RecursiveLimit = 20, LimitToString = 100_000 };
        context.PushGlobal(Model(fields));
        try
        {
            return Tidy(template.Render(context));
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            throw new LetterTemplateException(ex.OriginalMessage);
        }
    }

    private static ScriptObject Model(MergeFields f) => new()
    {
        ["agreement"] = new ScriptObject
        {
            ["reference"] = f.AgreementReference,
            ["title"] = f.AgreementTitle,
            ["effective_date"] = Long(f.AgreementEffectiveDate),
            ["expiry_date"] = Long(f.AgreementExpiryDate),
            ["notice_deadline"] = Long(f.NoticeDeadline),
        },
        ["counterparty"] = new ScriptObject { ["name"] = f.Counterparty, ["address"] = f.CounterpartyAddress },
        ["addressee"] = f.Addressee,
        ["parties"] = new ScriptArray(f.Parties),
        ["parties_text"] = JoinAnd(f.Parties),
        ["decision"] = new ScriptObject
        {
            ["outcome"] = f.Outcome,
            ["tally"] = f.Tally,
            ["date"] = Long(DateOnly.FromDateTime(Common.PortalTime.ToCity(f.DecidedUtc).DateTime)),
            ["by_default"] = f.ByDefault,
        },
        ["ballot"] = new ScriptObject { ["term"] = f.Term },
        ["effective_date"] = Long(f.EffectiveDate),
        ["effective_instant"] = $"12:00 a.m. Eastern Time on {Long(f.EffectiveDate)}",
        ["findings"] = new ScriptArray(f.Findings.Select(x => new ScriptObject { ["party"] = x.Party, ["choice"] = x.Choice, ["rationale"] = x.Rationale })),
        ["has_findings"] = f.Findings.Count > 0,
        ["solicitor"] = new ScriptObject { ["name"] = f.SolicitorName },
    };

    public static string Long(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>Template tags leave stray blank lines; keep at most one between paragraphs.</summary>
    private static string Tidy(string text) =>
        ExtraBlankLines().Replace(string.Join('\n', text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())), "\n\n").Trim();

    [GeneratedRegex("\n{3,}")]
    private static partial Regex ExtraBlankLines();
}

public sealed class LetterTemplateException(string message) : InvalidOperationException($"The template could not be merged: {message}");
