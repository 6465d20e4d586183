using Portal.Data.Entities;

namespace Portal.Data.Configurations;

/// <summary>
/// The Solicitor's starting templates (Liquid syntax), one per kind of letter. They are data: the Solicitor
/// edits them in the portal; these only seed an empty database.
/// </summary>
public static class LetterTemplateDefaults
{
    /// <summary>The stamp of a template as shipped; a template saved in the portal carries the time it was saved.</summary>
    public static readonly DateTimeOffset Seeded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly LetterTemplate[] All =
    [
        new()
        {
            Id = 1,
            Name = "Notice of termination",
            Kind = LetterKind.Termination,
            Subject = "Notice of termination of agreement {{ agreement.reference }}",
            UpdatedUtc = Seeded,
            Body = """
                Dear {{ addressee }}:

                I write on behalf of {{ parties_text }}, the signatory parties to the {{ agreement.title }} ({{ agreement.reference }}, the "Agreement"), in effect since {{ agreement.effective_date }}.

                On {{ decision.date }} the signatory parties decided to terminate the Agreement. The vote was {{ decision.tally }}. This letter is the City's formal notice of termination.

                The Agreement terminates at {{ effective_instant }}. From that moment {{ counterparty.name }} will have no access to the Preliminary Arraignment Reporting System (PARS) or to any data made available under the Agreement.
                {% if has_findings %}
                The decision rests on these findings:
                {% for f in findings %}
                - {{ f.party }}: {{ f.rationale }}
                {% endfor %}{% endif %}
                We ask that you confirm in writing, within thirty days of the date of this letter, that your agency has stopped all use of PARS data received under the Agreement and has not shared it further.
                """,
        },
        new()
        {
            Id = 2,
            Name = "Notice of non-renewal",
            Kind = LetterKind.NonRenewal,
            Subject = "Notice of non-renewal of agreement {{ agreement.reference }}",
            UpdatedUtc = Seeded,
            Body = """
                Dear {{ addressee }}:

                I write on behalf of {{ parties_text }}, the signatory parties to the {{ agreement.title }} ({{ agreement.reference }}, the "Agreement").

                On {{ decision.date }} the signatory parties decided that the Agreement will not be renewed. The vote was {{ decision.tally }}. The current term ends on {{ agreement.expiry_date }}, and this letter gives notice, before the notice deadline of {{ agreement.notice_deadline }}, that no new term will follow.

                Access by {{ counterparty.name }} to the Preliminary Arraignment Reporting System (PARS) ends at {{ effective_instant }}.
                {% if has_findings %}
                The decision rests on these findings:
                {% for f in findings %}
                - {{ f.party }}: {{ f.rationale }}
                {% endfor %}{% endif %}
                We ask that you confirm in writing, within thirty days of the date of this letter, that your agency will stop all use of PARS data received under the Agreement when it ends.
                """,
        },
        new()
        {
            Id = 3,
            Name = "Notice of renewal",
            Kind = LetterKind.Renewal,
            Subject = "Renewal of agreement {{ agreement.reference }}",
            UpdatedUtc = Seeded,
            Body = """
                Dear {{ addressee }}:

                I write on behalf of {{ parties_text }}, the signatory parties to the {{ agreement.title }} ({{ agreement.reference }}, the "Agreement").

                {% if decision.by_default %}The ballot on the term ending {{ agreement.expiry_date }} closed on {{ decision.date }} without a decision to terminate ({{ decision.tally }}), so the Agreement renews by its own terms.{% else %}On {{ decision.date }} the signatory parties decided to renew the Agreement. The vote was {{ decision.tally }}.{% endif %} A new term begins on {{ effective_date }}.

                The data schedule in force continues to apply without change: victims and witnesses remain shielded, and immigration status is not shared.
                """,
        },
    ];
}
