using System.Text.RegularExpressions;
using Portal.Data;
using PortalApp.AccessLogging;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// Raw SQL that tests run as an attacker with direct database access, written once in SQLite's dialect. On PostgreSQL
/// the model's PascalCase names are quoted (PostgreSQL folds unquoted names to lower case) and a blob literal becomes bytea.
/// </summary>
public static partial class TestSql
{
    public static string For(DatabaseProvider provider, string sql)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return sql;
        }
        sql = BlobLiteral().Replace(sql, m => $"'\\x{m.Groups[1].Value}'::bytea");
        // Outside string literals: a name with a lower-case letter that starts upper-case is the model's (keywords are all capitals).
        var parts = sql.Split('\'');
        for (var i = 0; i < parts.Length; i += 2)
        {
            parts[i] = PascalName().Replace(parts[i], m => $"\"{m.Value}\"");
        }
        return string.Join('\'', parts);
    }

    /// <summary>Makes every append to the access log fail, as a full disk would.</summary>
    public static string BreakTheLog(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? "CREATE TRIGGER Test_DiskFull BEFORE INSERT ON AccessLog BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;"
        : """
          CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
          CREATE TRIGGER "Test_DiskFull" BEFORE INSERT ON "AccessLog" FOR EACH ROW EXECUTE FUNCTION test_disk_full();
          """;

    /// <summary>Makes the database refuse one entry of the access log: the one whose target is <paramref name="target"/>.</summary>
    public static string RefuseLogTarget(DatabaseProvider provider, string target) => provider == DatabaseProvider.Sqlite
        ? $"CREATE TRIGGER Test_RefuseOne BEFORE INSERT ON AccessLog WHEN NEW.Target = '{target}' BEGIN SELECT RAISE(ABORT, 'refused (simulated)'); END;"
        : $"""
          CREATE FUNCTION test_refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."Target" = '{target}' THEN RAISE EXCEPTION 'refused (simulated)'; END IF; RETURN NEW; END $$;
          CREATE TRIGGER "Test_RefuseOne" BEFORE INSERT ON "AccessLog" FOR EACH ROW EXECUTE FUNCTION test_refuse_one();
          """;

    [GeneratedRegex(@"(?<![""\w])[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?![""\w])")]
    private static partial Regex PascalName();

    [GeneratedRegex(@"\bx'([0-9A-Fa-f]*)'")]
    private static partial Regex BlobLiteral();
}
