using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Audit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLogAnchors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ThroughEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ThroughEntryHash = table.Column<string>(type: "TEXT", nullable: false),
                    CheckpointEntryId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogAnchors", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogAnchors_ThroughEntryId",
                table: "AccessLogAnchors",
                column: "ThroughEntryId",
                unique: true);

            foreach (var sql in AccessLogTriggers.Create)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in AccessLogTriggers.Drop)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "AccessLogAnchors");
        }
    }
}
