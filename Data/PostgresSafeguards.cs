namespace Portal.Data;

/// <summary>
/// PostgreSQL's form of <see cref="AccessLogTriggers"/> and <see cref="LetterTriggers"/>: the same rules as plpgsql
/// trigger functions (the access log, its anchors and acknowledgements are append-only, deletions only below the
/// retention anchor; an issued letter never changes and is never deleted), plus TRUNCATE refused, which
/// PostgreSQL's row triggers would not see.
/// </summary>
public static class PostgresSafeguards
{
    private const string LastAnchored = "COALESCE((SELECT MAX(\"ThroughEntryId\") FROM \"AccessLogAnchors\"), 0)";

    public static readonly IReadOnlyList<string> Create =
    [
        // One function per table: plpgsql resolves every OLD."Column" of an expression against the firing table.
        $$"""
        CREATE FUNCTION portal_access_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                IF OLD."Id" <= {{LastAnchored}} THEN
                    RETURN OLD;
                END IF;
            END IF;
            RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = '{{AccessLogTriggers.AppendOnlyMessage}}';
        END $$;
        """,
        $$"""
        CREATE FUNCTION portal_flag_review_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'An acknowledgement cannot be changed.';
            END IF;
            IF OLD."AccessLogEntryId" <= {{LastAnchored}} THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'An acknowledgement cannot be deleted.';
        END $$;
        """,
        """CREATE TRIGGER "AccessLog_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AccessLog" FOR EACH ROW EXECUTE FUNCTION portal_access_log_guard();""",
        """CREATE TRIGGER "FlagReviews_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "FlagReviews" FOR EACH ROW EXECUTE FUNCTION portal_flag_review_guard();""",
        $$"""
        CREATE FUNCTION portal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_TABLE_NAME = 'Letters' THEN
                RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'An issued letter cannot be deleted.';
            END IF;
            RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = '{{AccessLogTriggers.AppendOnlyMessage}}';
        END $$;
        """,
        """CREATE TRIGGER "AccessLogAnchors_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AccessLogAnchors" FOR EACH ROW EXECUTE FUNCTION portal_append_only();""",
        """CREATE TRIGGER "AccessLog_NoTruncate" BEFORE TRUNCATE ON "AccessLog" FOR EACH STATEMENT EXECUTE FUNCTION portal_append_only();""",
        """CREATE TRIGGER "AccessLogAnchors_NoTruncate" BEFORE TRUNCATE ON "AccessLogAnchors" FOR EACH STATEMENT EXECUTE FUNCTION portal_append_only();""",
        """CREATE TRIGGER "FlagReviews_NoTruncate" BEFORE TRUNCATE ON "FlagReviews" FOR EACH STATEMENT EXECUTE FUNCTION portal_append_only();""",
        """CREATE TRIGGER "Letters_NoTruncate" BEFORE TRUNCATE ON "Letters" FOR EACH STATEMENT EXECUTE FUNCTION portal_append_only();""",
        """
        CREATE FUNCTION portal_issued_letter_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD."Status" <> 'Issued' THEN
                IF TG_OP = 'DELETE' THEN
                    RETURN OLD;
                END IF;
                RETURN NEW;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'An issued letter cannot be deleted.';
            END IF;
            IF (NEW."Status", NEW."Number", NEW."Year", NEW."Sequence", NEW."Kind", NEW."AgreementId", NEW."BallotId",
                NEW."Addressee", NEW."Subject", NEW."Body", NEW."EffectiveDate", NEW."IssuedUtc", NEW."IssuedBy", NEW."Pdf", NEW."PdfSha256")
               IS DISTINCT FROM
               (OLD."Status", OLD."Number", OLD."Year", OLD."Sequence", OLD."Kind", OLD."AgreementId", OLD."BallotId",
                OLD."Addressee", OLD."Subject", OLD."Body", OLD."EffectiveDate", OLD."IssuedUtc", OLD."IssuedBy", OLD."Pdf", OLD."PdfSha256") THEN
                RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'An issued letter is immutable.';
            END IF;
            RETURN NEW;
        END $$;
        """,
        """CREATE TRIGGER "Letters_IssuedIsImmutable" BEFORE UPDATE OR DELETE ON "Letters" FOR EACH ROW EXECUTE FUNCTION portal_issued_letter_guard();""",
        // HasData inserted the default templates with their ids; the identity sequence must start after them.
        """SELECT setval(pg_get_serial_sequence('"LetterTemplates"', 'Id'), (SELECT COALESCE(MAX("Id"), 0) + 1 FROM "LetterTemplates"), false);""",
    ];

    public static readonly IReadOnlyList<string> Drop =
    [
        """DROP TRIGGER IF EXISTS "Letters_IssuedIsImmutable" ON "Letters";""",
        """DROP TRIGGER IF EXISTS "Letters_NoTruncate" ON "Letters";""",
        """DROP TRIGGER IF EXISTS "FlagReviews_NoTruncate" ON "FlagReviews";""",
        """DROP TRIGGER IF EXISTS "AccessLogAnchors_NoTruncate" ON "AccessLogAnchors";""",
        """DROP TRIGGER IF EXISTS "AccessLog_NoTruncate" ON "AccessLog";""",
        """DROP TRIGGER IF EXISTS "FlagReviews_NoUpdateOrDelete" ON "FlagReviews";""",
        """DROP TRIGGER IF EXISTS "AccessLogAnchors_NoUpdateOrDelete" ON "AccessLogAnchors";""",
        """DROP TRIGGER IF EXISTS "AccessLog_NoUpdateOrDelete" ON "AccessLog";""",
        "DROP FUNCTION IF EXISTS portal_issued_letter_guard();",
        "DROP FUNCTION IF EXISTS portal_append_only();",
        "DROP FUNCTION IF EXISTS portal_flag_review_guard();",
        "DROP FUNCTION IF EXISTS portal_access_log_guard();",
    ];
}
