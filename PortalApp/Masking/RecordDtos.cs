using Portal.Data.Entities;

namespace PortalApp.Masking;

/// <summary>A value as the role may see it. Text is already masked: the raw value never leaves the masking service.</summary>
public sealed record MaskedField(string Text, MaskingAction Action)
{
    public bool IsMasked => Action != MaskingAction.Show;
}

/// <summary>One row of /records: a person's involvement in an arrest, masked for the role.</summary>
public sealed record RecordRow(
    int InvolvementId,
    int PersonId,
    InvolvementRole Role,
    MaskedField Name,
    MaskedField DateOfBirth,
    MaskedField Sex,
    MaskedField PlaceOfBirth,
    MaskedField DcNumber,
    MaskedField ArrestDate,
    MaskedField District,
    MaskedField Charges);

/// <summary>/records/{id}: a person and the arrests the role may see them in, masked.</summary>
public sealed record RecordDetail(
    int PersonId,
    IReadOnlyDictionary<string, MaskedField> Person,
    IReadOnlyList<ArrestView> Arrests,
    string PolicySource);

public sealed record ArrestView(
    InvolvementRole Role,
    MaskedField DcNumber,
    MaskedField ArrestDate,
    MaskedField District,
    MaskedField Officer,
    MaskedField Charges);
