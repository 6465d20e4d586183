using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ballots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DecidingVoteId",
                table: "BallotDecisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RenewalTermMonths",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.CreateTable(
                name: "NotificationCursors",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LastSeenId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationCursors", x => x.UserId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationCursors");

            migrationBuilder.DropColumn(
                name: "DecidingVoteId",
                table: "BallotDecisions");

            migrationBuilder.DropColumn(
                name: "RenewalTermMonths",
                table: "Agreements");
        }
    }
}
