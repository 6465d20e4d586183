using Portal.Data.Entities;
using PortalApp.Masking;

namespace PortalApp.Records;

/// <summary>What the current user may do on /records: refusal, policy in force, usable fields, visible roles, purpose.</summary>
public sealed record RecordPermissions(
    bool Allowed,
    string? Refusal,
    string PolicySource,
    IReadOnlySet<string> UsableFields,
    IReadOnlyList<InvolvementRole> VisibleRoles,
    bool NeedsPurpose,
    StatedPurpose? Purpose);

public sealed record RecordSearchResult(
    IReadOnlyList<RecordRow> Rows,
    int Total,
    bool TotalIsCapped,
    string? Refusal,
    string? Withheld,
    string PolicySource)
{
    public static RecordSearchResult Refused(string why) => new([], 0, false, why, null, "");
}

public sealed record RecordViewResult(RecordDetail? Detail, string? Refusal);

public sealed record RecordExport(RecordCsvFile? Csv, string? Refusal, int Rows);

/// <summary>An admitted, logged export: its rows are read and written as the file is sent.</summary>
public sealed class RecordCsvFile(Func<Stream, CancellationToken, Task> write)
{
    public Task WriteToAsync(Stream destination, CancellationToken ct = default) => write(destination, ct);

    /// <summary>The whole file in memory, for a caller that needs it at once.</summary>
    public async Task<byte[]> ToArrayAsync(CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await WriteToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
