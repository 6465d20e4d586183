using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresSortKeysEndWithId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Involvements_ArrestedUtc",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_DcNumber",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_District_ArrestedUtc",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_District_Role_ArrestedUtc",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_Role_ArrestedUtc",
                table: "Involvements");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_ArrestedUtc_Id",
                table: "Involvements",
                columns: new[] { "ArrestedUtc", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "SearchName" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_DcNumber_Id",
                table: "Involvements",
                columns: new[] { "DcNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_District_ArrestedUtc_Id",
                table: "Involvements",
                columns: new[] { "District", "ArrestedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_District_Role_ArrestedUtc_Id",
                table: "Involvements",
                columns: new[] { "District", "Role", "ArrestedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_Role_ArrestedUtc_Id",
                table: "Involvements",
                columns: new[] { "Role", "ArrestedUtc", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "SearchName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Involvements_ArrestedUtc_Id",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_DcNumber_Id",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_District_ArrestedUtc_Id",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_District_Role_ArrestedUtc_Id",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_Role_ArrestedUtc_Id",
                table: "Involvements");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_ArrestedUtc",
                table: "Involvements",
                column: "ArrestedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_DcNumber",
                table: "Involvements",
                column: "DcNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_District_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "District", "ArrestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_District_Role_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "District", "Role", "ArrestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_Role_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "Role", "ArrestedUtc" });
        }
    }
}
