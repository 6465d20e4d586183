using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Agencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_AgencyId",
                table: "Agreements",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_ShortName",
                table: "Agencies",
                column: "ShortName",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Agreements_Agencies_AgencyId",
                table: "Agreements",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Agencies_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Agreements made before agencies were data: one agency per counterparty, and every liaison to the first
            // (a database of that time governed one agency). The demo's counterparty keeps its usual short name.
            migrationBuilder.Sql("""
                INSERT INTO Agencies (Name, ShortName, Address, Contact)
                SELECT Counterparty,
                       CASE WHEN Counterparty = 'U.S. Immigration and Customs Enforcement' THEN 'ICE' ELSE 'AGENCY-' || MIN(Id) END,
                       MIN(CounterpartyAddress), ''
                FROM Agreements GROUP BY Counterparty;
                UPDATE Agreements SET AgencyId = (SELECT g.Id FROM Agencies g WHERE g.Name = Agreements.Counterparty);
                UPDATE AspNetUsers SET AgencyId = (SELECT MIN(Id) FROM Agencies)
                WHERE Id IN (SELECT ur.UserId FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.Name = 'AgencyLiaison');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agreements_Agencies_AgencyId",
                table: "Agreements");

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Agencies_AgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Agencies");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_AgencyId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "Agreements");
        }
    }
}
