namespace Portal.Data;

/// <summary>
/// The seals are append-only like the log (<see cref="AccessLogTriggers"/>, <see cref="PostgresSafeguards"/>): an UPDATE
/// or DELETE (and on PostgreSQL a TRUNCATE) is refused. A forged INSERT is not refused here; its HMAC fails verification.
/// </summary>
public static class AccessLogSealTriggers
{
    public const string Message = "Seals of the access log are append-only.";

    public static readonly IReadOnlyList<string> SqliteCreate =
    [
        $"CREATE TRIGGER AccessLogSeals_NoUpdate BEFORE UPDATE ON AccessLogSeals BEGIN SELECT RAISE(ABORT, '{Message}'); END;",
        $"CREATE TRIGGER AccessLogSeals_NoDelete BEFORE DELETE ON AccessLogSeals BEGIN SELECT RAISE(ABORT, '{Message}'); END;",
    ];

    public static readonly IReadOnlyList<string> SqliteDrop =
    [
        "DROP TRIGGER IF EXISTS AccessLogSeals_NoUpdate;",
        "DROP TRIGGER IF EXISTS AccessLogSeals_NoDelete;",
    ];

    public static readonly IReadOnlyList<string> PostgresCreate =
    [
        $$"""
        CREATE FUNCTION portal_seal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = '{{Message}}';
        END $$;
        """,
        """CREATE TRIGGER "AccessLogSeals_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AccessLogSeals" FOR EACH ROW EXECUTE FUNCTION portal_seal_guard();""",
        """CREATE TRIGGER "AccessLogSeals_NoTruncate" BEFORE TRUNCATE ON "AccessLogSeals" FOR EACH STATEMENT EXECUTE FUNCTION portal_seal_guard();""",
    ];

    public static readonly IReadOnlyList<string> PostgresDrop =
    [
        """DROP TRIGGER IF EXISTS "AccessLogSeals_NoTruncate" ON "AccessLogSeals";""",
        """DROP TRIGGER IF EXISTS "AccessLogSeals_NoUpdateOrDelete" ON "AccessLogSeals";""",
        "DROP FUNCTION IF EXISTS portal_seal_guard();",
    ];
}
