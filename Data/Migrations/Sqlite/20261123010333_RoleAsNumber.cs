using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoleAsNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rebuilt table's INTEGER column turns the text '0' into the number 0 as the rows are copied.
            migrationBuilder.Sql("UPDATE \"Involvements\" SET \"Role\" = CASE \"Role\" WHEN 'Arrestee' THEN 0 WHEN 'Victim' THEN 1 WHEN 'Witness' THEN 2 END;");
            migrationBuilder.AlterColumn<int>(
                name: "Role",
                table: "Involvements",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT");
            // The rebuilt table has no statistics; without them the planner takes the three-valued Role for a selective key.
            migrationBuilder.Sql("PRAGMA analysis_limit = 0; ANALYZE \"Involvements\"; PRAGMA analysis_limit = 1000;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Role",
                table: "Involvements",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");
            migrationBuilder.Sql("UPDATE \"Involvements\" SET \"Role\" = CASE \"Role\" WHEN '0' THEN 'Arrestee' WHEN '1' THEN 'Victim' WHEN '2' THEN 'Witness' END;");
        }
    }
}
