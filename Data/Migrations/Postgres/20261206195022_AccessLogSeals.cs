using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <summary>Seals of the access log's head, append-only like the log (issue 19, item 3).</summary>
    public partial class AccessLogSeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLogSeals",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<long>(type: "bigint", nullable: false),
                    HeadEntryId = table.Column<long>(type: "bigint", nullable: false),
                    HeadHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntryCount = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Mac = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogSeals", x => x.Number);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogSeals_AtUtc",
                table: "AccessLogSeals",
                column: "AtUtc");

            foreach (var sql in AccessLogSealTriggers.PostgresCreate)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in AccessLogSealTriggers.PostgresDrop)
            {
                migrationBuilder.Sql(sql);
            }
            migrationBuilder.DropTable(
                name: "AccessLogSeals");
        }
    }
}
