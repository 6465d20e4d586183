using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
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
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntryCount = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Mac = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogSeals", x => x.Number);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogSeals_AtUtc",
                table: "AccessLogSeals",
                column: "AtUtc");

            foreach (var sql in AccessLogSealTriggers.SqliteCreate)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in AccessLogSealTriggers.SqliteDrop)
            {
                migrationBuilder.Sql(sql);
            }
            migrationBuilder.DropTable(
                name: "AccessLogSeals");
        }
    }
}
