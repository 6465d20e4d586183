using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Involvements_District_Role_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "District", "Role", "ArrestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_UserId_Action_Outcome_AtUtc_Target",
                table: "AccessLog",
                columns: new[] { "UserId", "Action", "Outcome", "AtUtc", "Target" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Involvements_District_Role_ArrestedUtc",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_AccessLog_UserId_Action_Outcome_AtUtc_Target",
                table: "AccessLog");
        }
    }
}
