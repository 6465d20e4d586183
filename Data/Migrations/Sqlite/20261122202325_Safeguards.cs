using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>The database's own guards: the access log is append-only and an issued letter never changes.</summary>
    public partial class Safeguards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in AccessLogTriggers.Create.Concat(LetterTriggers.Create))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in AccessLogTriggers.Drop.Concat(LetterTriggers.Drop))
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
