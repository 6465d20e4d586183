using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// The portal's one model. Each database provider has a derived context (<see cref="SqlitePortalDbContext"/>,
/// <see cref="PostgresPortalDbContext"/>) only so that each keeps its own migrations; callers use this type.
/// </summary>
public class PortalDbContext : IdentityDbContext<PortalUser>, IDataProtectionKeyContext
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options) : base(options)
    {
    }

    protected PortalDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementEvent> AgreementEvents => Set<AgreementEvent>();
    public DbSet<Amendment> Amendments => Set<Amendment>();
    public DbSet<Seat> Seats => Set<Seat>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<BallotDecision> BallotDecisions => Set<BallotDecision>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<LetterTemplate> LetterTemplates => Set<LetterTemplate>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Arrest> Arrests => Set<Arrest>();
    public DbSet<Charge> Charges => Set<Charge>();
    public DbSet<Involvement> Involvements => Set<Involvement>();
    public DbSet<MaskingPolicyVersion> MaskingPolicyVersions => Set<MaskingPolicyVersion>();
    public DbSet<MaskingRule> MaskingRules => Set<MaskingRule>();
    public DbSet<RowRule> RowRules => Set<RowRule>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<AccessLogAnchor> AccessLogAnchors => Set<AccessLogAnchor>();
    public DbSet<AccessLogSeal> AccessLogSeals => Set<AccessLogSeal>();
    public DbSet<FlagReview> FlagReviews => Set<FlagReview>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationCursor> NotificationCursors => Set<NotificationCursor>();

    /// <summary>Shared by every instance, so a cookie or antiforgery token issued by one is read by all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks so range queries and sorts run in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }
}
