namespace Portal.Data.Entities;

public enum LetterKind
{
    Termination,
    NonRenewal,
    Renewal,
}

public enum LetterStatus
{
    Draft,
    Issued,
}

public sealed class Letter
{
    public int Id { get; set; }
    public string? Number { get; set; }
    public int? Year { get; set; }
    public int? Sequence { get; set; }
    public LetterKind Kind { get; set; }
    public LetterStatus Status { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int BallotId { get; set; }
    public string Addressee { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateOnly EffectiveDate { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? IssuedUtc { get; set; }
    public string? IssuedBy { get; set; }
    public byte[]? Pdf { get; set; }
    public string? PdfSha256 { get; set; }
    public DateTimeOffset? SentUtc { get; set; }
    public string? SentMethod { get; set; }
    public DateOnly? ResponseDate { get; set; }
    public string? ResponseSummary { get; set; }
}

public sealed class LetterTemplate
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public LetterKind Kind { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset UpdatedUtc { get; set; }
}
