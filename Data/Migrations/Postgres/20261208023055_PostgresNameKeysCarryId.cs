using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresNameKeysCarryId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A finer histogram of the names (1,000 buckets rather than 100): with ten million rows the default one
            // guessed a common prefix's matches a hundred times too few, and the planner sorted them from the table.
            migrationBuilder.Sql("ALTER TABLE \"Involvements\" ALTER COLUMN \"SearchName\" SET STATISTICS 1000;");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_Role_SearchName_ArrestedUtc",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_SearchName_ArrestedUtc_Role",
                table: "Involvements");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_Role_SearchName_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "Role", "SearchName", "ArrestedUtc" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_SearchName_ArrestedUtc_Role",
                table: "Involvements",
                columns: new[] { "SearchName", "ArrestedUtc", "Role" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });

            migrationBuilder.Sql("ANALYZE \"Involvements\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Involvements\" ALTER COLUMN \"SearchName\" SET STATISTICS -1;");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_Role_SearchName_ArrestedUtc",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_SearchName_ArrestedUtc_Role",
                table: "Involvements");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_Role_SearchName_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "Role", "SearchName", "ArrestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_SearchName_ArrestedUtc_Role",
                table: "Involvements",
                columns: new[] { "SearchName", "ArrestedUtc", "Role" });
        }
    }
}
