using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using PortalApp.AccessLogging;
using PortalApp.Authorization;
using PortalApp.Common;

namespace PortalApp.Agencies;

/// <summary>An outside agency as forms and filters offer it.</summary>
public sealed record AgencyChoice(int Id, string Name, string ShortName)
{
    public string Label => $"{Name} ({ShortName})";
}

/// <summary>What the Admin types to add an agency.</summary>
public sealed class AgencyInput
{
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string Address { get; set; } = "";
    public string Contact { get; set; } = "";
}

/// <summary>The outside agencies: the counterparties of agreements and the employers of liaisons.</summary>
public sealed partial class AgencyDirectory(IDbContextFactory<PortalDbContext> dbFactory, Capabilities capabilities, AccessLog accessLog)
{
    public async Task<IReadOnlyList<AgencyChoice>> ListAsync(CancellationToken ct = default)
    {
        await capabilities.RequireAsync(Policies.SignedIn, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Agencies.AsNoTracking().OrderBy(a => a.ShortName)
            .Select(a => new AgencyChoice(a.Id, a.Name, a.ShortName)).ToListAsync(ct);
    }

    /// <summary>An Admin adds an agency (logged); its short name names it in logs, charts and the public record, so it is unique.</summary>
    public async Task<OperationResult> CreateAsync(AgencyInput input, CancellationToken ct = default)
    {
        var admin = await capabilities.RequireAsync(Policies.ManageAgreements, ct: ct);
        var shortName = input.ShortName.Trim();
        var problem = InputRules.First(
            InputRules.Problem(input.Name, "The agency's name", 300),
            ShortNamePattern().IsMatch(shortName) ? null : "The short name is 2 to 16 capital letters, digits or dashes (e.g. ATF).",
            InputRules.Problem(input.Address, "The address", 500, required: false, multiline: true),
            InputRules.Problem(input.Contact, "The contact", 300, required: false));
        if (problem is not null)
        {
            return OperationResult.Fail(problem);
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Agencies.AnyAsync(a => a.ShortName == shortName, ct))
            {
                return OperationResult.Fail($"Another agency is already called {shortName}.");
            }
        }
        var agency = new Agency { Name = input.Name.Trim(), ShortName = shortName, Address = input.Address.Trim(), Contact = input.Contact.Trim() };
        // In the log's own transaction: the agency exists only if its creation is on the record (the unique index
        // refuses a second one made at the same moment, and the entry with it).
        await accessLog.AppendAsync(new AccessEvent(AccessActions.AgreementChange) { Actor = admin, Target = $"agency:{shortName}", Filters = "agency created" },
            (db, _, _) =>
            {
                db.Agencies.Add(agency);
                return Task.CompletedTask;
            }, ct);
        return OperationResult.Ok($"Agency {shortName} added: choose it for an agreement or a liaison.");
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,15}$")]
    private static partial Regex ShortNamePattern();
}
