using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Records : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_DateOfBirth",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_LastName_FirstName",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Arrests_ArrestedUtc",
                table: "Arrests");

            migrationBuilder.DropIndex(
                name: "IX_Arrests_District_ArrestedUtc",
                table: "Arrests");

            migrationBuilder.AddColumn<long>(
                name: "ArrestedUtc",
                table: "Involvements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "DcNumber",
                table: "Involvements",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "District",
                table: "Involvements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "Involvements",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_PlaceOfBirth",
                table: "Persons",
                column: "PlaceOfBirth");

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
                name: "IX_Involvements_Role_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "Role", "ArrestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_SearchName",
                table: "Involvements",
                column: "SearchName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_PlaceOfBirth",
                table: "Persons");

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
                name: "IX_Involvements_Role_ArrestedUtc",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_SearchName",
                table: "Involvements");

            migrationBuilder.DropColumn(
                name: "ArrestedUtc",
                table: "Involvements");

            migrationBuilder.DropColumn(
                name: "DcNumber",
                table: "Involvements");

            migrationBuilder.DropColumn(
                name: "District",
                table: "Involvements");

            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Involvements");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_DateOfBirth",
                table: "Persons",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_LastName_FirstName",
                table: "Persons",
                columns: new[] { "LastName", "FirstName" });

            migrationBuilder.CreateIndex(
                name: "IX_Arrests_ArrestedUtc",
                table: "Arrests",
                column: "ArrestedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Arrests_District_ArrestedUtc",
                table: "Arrests",
                columns: new[] { "District", "ArrestedUtc" });
        }
    }
}
