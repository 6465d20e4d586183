using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordsRoleNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Involvements_Role_SearchName_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "Role", "SearchName", "ArrestedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Involvements_Role_SearchName_ArrestedUtc",
                table: "Involvements");
        }
    }
}
