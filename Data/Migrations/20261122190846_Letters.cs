using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Letters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "LetterTemplates",
                columns: new[] { "Id", "Body", "Kind", "Name", "Subject", "UpdatedUtc" },
                values: new object[,]
                {
                    { 1, "Dear {{ addressee }}:\n\nI write on behalf of {{ parties_text }}, the signatory parties to the {{ agreement.title }} ({{ agreement.reference }}, the \"Agreement\"), in effect since {{ agreement.effective_date }}.\n\nOn {{ decision.date }} the signatory parties decided to terminate the Agreement. The vote was {{ decision.tally }}. This letter is the City's formal notice of termination.\n\nThe Agreement terminates at {{ effective_instant }}. From that moment {{ counterparty.name }} will have no access to the Preliminary Arraignment Reporting System (PARS) or to any data made available under the Agreement.\n{% if has_findings %}\nThe decision rests on these findings:\n{% for f in findings %}\n- {{ f.party }}: {{ f.rationale }}\n{% endfor %}{% endif %}\nWe ask that you confirm in writing, within thirty days of the date of this letter, that your agency has stopped all use of PARS data received under the Agreement and has not shared it further.", "Termination", "Notice of termination", "Notice of termination of agreement {{ agreement.reference }}", 639028224000000000L },
                    { 2, "Dear {{ addressee }}:\n\nI write on behalf of {{ parties_text }}, the signatory parties to the {{ agreement.title }} ({{ agreement.reference }}, the \"Agreement\").\n\nOn {{ decision.date }} the signatory parties decided that the Agreement will not be renewed. The vote was {{ decision.tally }}. The current term ends on {{ agreement.expiry_date }}, and this letter gives notice, before the notice deadline of {{ agreement.notice_deadline }}, that no new term will follow.\n\nAccess by {{ counterparty.name }} to the Preliminary Arraignment Reporting System (PARS) ends at {{ effective_instant }}.\n{% if has_findings %}\nThe decision rests on these findings:\n{% for f in findings %}\n- {{ f.party }}: {{ f.rationale }}\n{% endfor %}{% endif %}\nWe ask that you confirm in writing, within thirty days of the date of this letter, that your agency will stop all use of PARS data received under the Agreement when it ends.", "NonRenewal", "Notice of non-renewal", "Notice of non-renewal of agreement {{ agreement.reference }}", 639028224000000000L },
                    { 3, "Dear {{ addressee }}:\n\nI write on behalf of {{ parties_text }}, the signatory parties to the {{ agreement.title }} ({{ agreement.reference }}, the \"Agreement\").\n\n{% if decision.by_default %}The ballot on the term ending {{ agreement.expiry_date }} closed on {{ decision.date }} without a decision to terminate ({{ decision.tally }}), so the Agreement renews by its own terms.{% else %}On {{ decision.date }} the signatory parties decided to renew the Agreement. The vote was {{ decision.tally }}.{% endif %} A new term begins on {{ effective_date }}.\n\nThe data schedule in force continues to apply without change: victims and witnesses remain shielded, and immigration status is not shared.", "Renewal", "Notice of renewal", "Renewal of agreement {{ agreement.reference }}", 639028224000000000L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_BallotId",
                table: "Letters",
                column: "BallotId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_PdfSha256",
                table: "Letters",
                column: "PdfSha256");

            // Invariant 4: the database itself holds an issued letter read-only. Only the tracking columns
            // (SentUtc, SentMethod, ResponseDate, ResponseSummary) may still change, and it cannot be deleted.
            migrationBuilder.Sql("""
                CREATE TRIGGER Letters_IssuedIsImmutable
                BEFORE UPDATE ON Letters
                WHEN OLD.Status = 'Issued' AND (
                    NEW.Status IS NOT OLD.Status OR NEW.Number IS NOT OLD.Number OR NEW.Year IS NOT OLD.Year
                    OR NEW.Sequence IS NOT OLD.Sequence OR NEW.Kind IS NOT OLD.Kind OR NEW.AgreementId IS NOT OLD.AgreementId
                    OR NEW.BallotId IS NOT OLD.BallotId OR NEW.Addressee IS NOT OLD.Addressee OR NEW.Subject IS NOT OLD.Subject
                    OR NEW.Body IS NOT OLD.Body OR NEW.EffectiveDate IS NOT OLD.EffectiveDate OR NEW.IssuedUtc IS NOT OLD.IssuedUtc
                    OR NEW.IssuedBy IS NOT OLD.IssuedBy OR NEW.Pdf IS NOT OLD.Pdf OR NEW.PdfSha256 IS NOT OLD.PdfSha256)
                BEGIN
                    SELECT RAISE(ABORT, 'An issued letter is immutable.');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Letters_IssuedIsNeverDeleted
                BEFORE DELETE ON Letters
                WHEN OLD.Status = 'Issued'
                BEGIN
                    SELECT RAISE(ABORT, 'An issued letter cannot be deleted.');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Letters_IssuedIsNeverDeleted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Letters_IssuedIsImmutable;");

            migrationBuilder.DropIndex(
                name: "IX_Letters_BallotId",
                table: "Letters");

            migrationBuilder.DropIndex(
                name: "IX_Letters_PdfSha256",
                table: "Letters");

            migrationBuilder.DeleteData(
                table: "LetterTemplates",
                keyColumn: "Id",
                keyValue: 1);

            migrationBuilder.DeleteData(
                table: "LetterTemplates",
                keyColumn: "Id",
                keyValue: 2);

            migrationBuilder.DeleteData(
                table: "LetterTemplates",
                keyColumn: "Id",
                keyValue: 3);
        }
    }
}
