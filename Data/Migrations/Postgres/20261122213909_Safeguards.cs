using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <summary>The database's own guards on PostgreSQL: the access log is append-only and an issued letter never changes.</summary>
    public partial class Safeguards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgresSafeguards.Create)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgresSafeguards.Drop)
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
