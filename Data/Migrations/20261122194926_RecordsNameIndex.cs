using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordsNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Involvements_SearchName",
                table: "Involvements");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_SearchName_ArrestedUtc_Role",
                table: "Involvements",
                columns: new[] { "SearchName", "ArrestedUtc", "Role" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Involvements_SearchName_ArrestedUtc_Role",
                table: "Involvements");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_SearchName",
                table: "Involvements",
                column: "SearchName");
        }
    }
}
