using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", nullable: true),
                    PartyOrAgency = table.Column<string>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Target = table.Column<string>(type: "TEXT", nullable: true),
                    Filters = table.Column<string>(type: "TEXT", nullable: true),
                    ResultCount = table.Column<int>(type: "INTEGER", nullable: true),
                    RevealedFields = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    Flagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    FlagReason = table.Column<string>(type: "TEXT", nullable: true),
                    ClientAddress = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccessLogAnchors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ThroughEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ThroughEntryHash = table.Column<string>(type: "TEXT", nullable: false),
                    CheckpointEntryId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogAnchors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Counterparty = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CounterpartyAddress = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoticePeriodDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    DefaultOutcome = table.Column<string>(type: "TEXT", nullable: false),
                    RenewalTermMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    TerminationEffectiveUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    TerminationLetterNumber = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Arrests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DcNumber = table.Column<string>(type: "TEXT", nullable: false),
                    ArrestedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    District = table.Column<int>(type: "INTEGER", nullable: false),
                    Officer = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Arrests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    FirstFailedSignInUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FlagReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccessLogEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlagReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LetterTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaskingPolicyVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaskingPolicyVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotificationCursors",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LastSeenId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationCursors", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", nullable: true),
                    Audience = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Persons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FirstName = table.Column<string>(type: "TEXT", nullable: false),
                    LastName = table.Column<string>(type: "TEXT", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Street = table.Column<string>(type: "TEXT", nullable: false),
                    City = table.Column<string>(type: "TEXT", nullable: false),
                    Zip = table.Column<string>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", nullable: false),
                    StateId = table.Column<string>(type: "TEXT", nullable: false),
                    PlaceOfBirth = table.Column<string>(type: "TEXT", nullable: false),
                    Race = table.Column<string>(type: "TEXT", nullable: false),
                    Ethnicity = table.Column<string>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    ActorUserName = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementEvents_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Amendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Schedule = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Amendments_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Letters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    BallotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Addressee = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PdfSha256 = table.Column<string>(type: "TEXT", nullable: true),
                    SentUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    SentMethod = table.Column<string>(type: "TEXT", nullable: true),
                    ResponseDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResponseSummary = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Letters_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Seats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Party = table.Column<string>(type: "TEXT", nullable: false),
                    PrimaryUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AlternateUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Seats_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Charges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArrestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Statute = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Charges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Charges_Arrests_ArrestId",
                        column: x => x.ArrestId,
                        principalTable: "Arrests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaskingRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaskingRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaskingRules_MaskingPolicyVersions_PolicyVersionId",
                        column: x => x.PolicyVersionId,
                        principalTable: "MaskingPolicyVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RowRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    InvolvementRole = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RowRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RowRules_MaskingPolicyVersions_PolicyVersionId",
                        column: x => x.PolicyVersionId,
                        principalTable: "MaskingPolicyVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Involvements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    ArrestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", nullable: false),
                    DcNumber = table.Column<string>(type: "TEXT", nullable: false),
                    ArrestedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    District = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Involvements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Involvements_Arrests_ArrestId",
                        column: x => x.ArrestId,
                        principalTable: "Arrests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Involvements_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    AmendmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    AmendmentHash = table.Column<string>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", nullable: false),
                    OpensUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    TerminationThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ballots_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Ballots_Amendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "Amendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BallotDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BallotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Tally = table.Column<string>(type: "TEXT", nullable: false),
                    ByDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidingVoteId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BallotDecisions_Ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "Ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BallotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Party = table.Column<string>(type: "TEXT", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CastByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CastByUserName = table.Column<string>(type: "TEXT", nullable: false),
                    CastByAlternate = table.Column<bool>(type: "INTEGER", nullable: false),
                    CastUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceiptHash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Votes_Ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "Ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "LetterTemplates",
                columns: new[] { "Id", "Body", "Kind", "Name", "Subject", "UpdatedUtc" },
                values: new object[,]
                {
                    { 1, "Dear {{ addressee }}:\n\nI write on behalf of {{ parties_text }}, the signatory parties to the {{ agreement.title }} ({{ agreement.reference }}, the \"Agreement\"), in effect since {{ agreement.effective_date }}.\n\nOn {{ decision.date }} the signatory parties decided to terminate the Agreement. The vote was {{ decision.tally }}. This letter is the City's formal notice of termination.\n\nThe Agreement terminates at {{ effective_instant }}. From that moment {{ counterparty.name }} will have no access to the Preliminary Arraignment Reporting System (PARS) or to any data made available under the Agreement.\n{% if has_findings %}\nThe decision rests on these findings:\n{% for f in findings %}\n- {{ f.party }}: {{ f.rationale }}\n{% endfor %}{% endif %}\nWe ask that you confirm in writing, within thirty days of the date of this letter, that your agency has stopped all use of PARS data received under the Agreement and has not shared it further.", "Termination", "Notice of termination", "Notice of termination of agreement {{ agreement.reference }}", 639028224000000000L },
                    { 2, "Dear {{ addressee }}:\n\nI write on behalf of {{ parties_text }}, the signatory parties to the {{ agreement.title }} ({{ agreement.reference }}, the \"Agreement\").\n\nOn {{ decision.date }} the signatory parties decided that the Agreement will not be renewed. The vote was {{ decision.tally }}. The current term ends on {{ agreement.expiry_date }}, and this letter gives notice, before the notice deadline of {{ agreement.notice_deadline }}, that no new term will follow.\n\nAccess by {{ counterparty.name }} to the Preliminary Arraignment Reporting System (PARS) ends at {{ effective_instant }}.\n{% if has_findings %}\nThe decision rests on these findings:\n{% for f in findings %}\n- {{ f.party }}: {{ f.rationale }}\n{% endfor %}{% endif %}\nWe ask that you confirm in writing, within thirty days of the date of this letter, that your agency will stop all use of PARS data received under the Agreement when it ends.", "NonRenewal", "Notice of non-renewal", "Notice of non-renewal of agreement {{ agreement.reference }}", 639028224000000000L },
                    { 3, "Dear {{ addressee }}:\n\nI write on behalf of {{ parties_text }}, the signatory parties to the {{ agreement.title }} ({{ agreement.reference }}, the \"Agreement\").\n\n{% if decision.by_default %}The ballot on the term ending {{ agreement.expiry_date }} closed on {{ decision.date }} without a decision to terminate ({{ decision.tally }}), so the Agreement renews by its own terms.{% else %}On {{ decision.date }} the signatory parties decided to renew the Agreement. The vote was {{ decision.tally }}.{% endif %} A new term begins on {{ effective_date }}.\n\nThe data schedule in force continues to apply without change: victims and witnesses remain shielded, and immigration status is not shared.", "Renewal", "Notice of renewal", "Renewal of agreement {{ agreement.reference }}", 639028224000000000L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_Action_AtUtc",
                table: "AccessLog",
                columns: new[] { "Action", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_AtUtc",
                table: "AccessLog",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_Flagged_AtUtc",
                table: "AccessLog",
                columns: new[] { "Flagged", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_UserName_AtUtc",
                table: "AccessLog",
                columns: new[] { "UserName", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogAnchors_ThroughEntryId",
                table: "AccessLogAnchors",
                column: "ThroughEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementEvents_AgreementId_AtUtc",
                table: "AgreementEvents",
                columns: new[] { "AgreementId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Reference",
                table: "Agreements",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_AgreementId_Number",
                table: "Amendments",
                columns: new[] { "AgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Arrests_DcNumber",
                table: "Arrests",
                column: "DcNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BallotDecisions_BallotId",
                table: "BallotDecisions",
                column: "BallotId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_AgreementId",
                table: "Ballots",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_AmendmentId",
                table: "Ballots",
                column: "AmendmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_Status_ClosesUtc",
                table: "Ballots",
                columns: new[] { "Status", "ClosesUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Charges_ArrestId",
                table: "Charges",
                column: "ArrestId");

            migrationBuilder.CreateIndex(
                name: "IX_Charges_Statute_ArrestId",
                table: "Charges",
                columns: new[] { "Statute", "ArrestId" });

            migrationBuilder.CreateIndex(
                name: "IX_FlagReviews_AccessLogEntryId",
                table: "FlagReviews",
                column: "AccessLogEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_ArrestedUtc",
                table: "Involvements",
                column: "ArrestedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_ArrestId_Role",
                table: "Involvements",
                columns: new[] { "ArrestId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_DcNumber",
                table: "Involvements",
                column: "DcNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_District_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "District", "ArrestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_PersonId_Role",
                table: "Involvements",
                columns: new[] { "PersonId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_Role_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "Role", "ArrestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_Role_SearchName_ArrestedUtc",
                table: "Involvements",
                columns: new[] { "Role", "SearchName", "ArrestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_SearchName_ArrestedUtc_Role",
                table: "Involvements",
                columns: new[] { "SearchName", "ArrestedUtc", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_AgreementId",
                table: "Letters",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_BallotId",
                table: "Letters",
                column: "BallotId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_Number",
                table: "Letters",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Letters_PdfSha256",
                table: "Letters",
                column: "PdfSha256");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_Year_Sequence",
                table: "Letters",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaskingPolicyVersions_Version",
                table: "MaskingPolicyVersions",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaskingRules_PolicyVersionId_Role_Field",
                table: "MaskingRules",
                columns: new[] { "PolicyVersionId", "Role", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AtUtc",
                table: "Notifications",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_PlaceOfBirth",
                table: "Persons",
                column: "PlaceOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_RowRules_PolicyVersionId",
                table: "RowRules",
                column: "PolicyVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Seats_AgreementId_Party",
                table: "Seats",
                columns: new[] { "AgreementId", "Party" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Votes_BallotId_Party",
                table: "Votes",
                columns: new[] { "BallotId", "Party" },
                unique: true,
                filter: "IsCurrent = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLog");

            migrationBuilder.DropTable(
                name: "AccessLogAnchors");

            migrationBuilder.DropTable(
                name: "AgreementEvents");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "BallotDecisions");

            migrationBuilder.DropTable(
                name: "Charges");

            migrationBuilder.DropTable(
                name: "FlagReviews");

            migrationBuilder.DropTable(
                name: "Involvements");

            migrationBuilder.DropTable(
                name: "Letters");

            migrationBuilder.DropTable(
                name: "LetterTemplates");

            migrationBuilder.DropTable(
                name: "MaskingRules");

            migrationBuilder.DropTable(
                name: "NotificationCursors");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "RowRules");

            migrationBuilder.DropTable(
                name: "Seats");

            migrationBuilder.DropTable(
                name: "Votes");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Arrests");

            migrationBuilder.DropTable(
                name: "Persons");

            migrationBuilder.DropTable(
                name: "MaskingPolicyVersions");

            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.DropTable(
                name: "Amendments");

            migrationBuilder.DropTable(
                name: "Agreements");
        }
    }
}
