using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoleAsNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Involvements\" ALTER COLUMN \"Role\" TYPE integer USING CASE \"Role\" WHEN 'Arrestee' THEN 0 WHEN 'Victim' THEN 1 WHEN 'Witness' THEN 2 END;");
            migrationBuilder.Sql("ANALYZE \"Involvements\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Involvements\" ALTER COLUMN \"Role\" TYPE text USING CASE \"Role\" WHEN 0 THEN 'Arrestee' WHEN 1 THEN 'Victim' WHEN 2 THEN 'Witness' END;");
        }
    }
}
