using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Data;

namespace PortalApp.Common;

/// <summary>Where one secret key is configured, and the file name the demo keeps it in beside its database.</summary>
public sealed record SecretKeySource(string Setting, string FileSetting, string DemoSuffix, string Purpose);

/// <summary>
/// Loads the keys the database must never hold: from configuration (base64 or hex), from a key file, or, in
/// Development only, from a random key the demo makes on first start and keeps beside its database. Outside
/// Development a missing or short key stops the start: a key shipped with the app protects nothing.
/// </summary>
public static class SecretKeys
{
    public const int MinimumBytes = 32;

    public static readonly SecretKeySource Pseudonym = new("Portal:PseudonymKey", "Portal:PseudonymKeyFile", ".pseudonym.key", "pseudonyms");

    public static readonly SecretKeySource AuditSeal = new("Audit:SealKey", "Audit:SealKeyFile", ".seal.key", "the access log's seals");

    public static readonly SecretKeySource KeyRing = new("Portal:KeyRingKey", "Portal:KeyRingKeyFile", ".keyring.key", "the keys that sign cookies and forms");

    public static byte[] Load(IConfiguration configuration, IHostEnvironment environment, SecretKeySource source)
    {
        if (configuration[source.Setting] is { Length: > 0 } text)
        {
            return Checked(Decode(text.Trim()) ?? throw Refused(source, $"{source.Setting} is neither base64 nor hexadecimal."), source, source.Setting);
        }
        if (configuration[source.FileSetting] is { Length: > 0 } path)
        {
            return Checked(ReadFile(path, source), source, $"The key file {path} ({source.FileSetting})");
        }
        if (environment.IsDevelopment())
        {
            return Checked(DemoKey(DemoPath(PortalDatabase.Provider(configuration), configuration.GetConnectionString("Portal") ?? "", source)), source, "The demo key file");
        }
        throw Refused(source, $"Neither {source.Setting} nor {source.FileSetting} is set.");
    }

    /// <summary>The demo's key file for a database: beside a SQLite file, or under the user's data folder for a PostgreSQL database.</summary>
    public static string DemoPath(DatabaseProvider provider, string connectionString, SecretKeySource source)
    {
        if (provider == DatabaseProvider.Sqlite && new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file && file != ":memory:")
        {
            return Path.GetFullPath(file) + source.DemoSuffix;
        }
        var name = provider == DatabaseProvider.Postgres && new NpgsqlConnectionStringBuilder(connectionString) is var pg
            ? $"{pg.Host}-{pg.Port}-{pg.Database}"
            : "memory";
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Portal", "keys");
        return Path.Combine(folder, string.Concat(name.Split(Path.GetInvalidFileNameChars())) + source.DemoSuffix);
    }

    /// <summary>A sub-key for one scope (a role, an agency): tokens made under one scope cannot be joined with another's.</summary>
    public static byte[] Derive(byte[] key, string purpose, string scope) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{purpose}\n{scope}"));

    private static byte[] Checked(byte[] key, SecretKeySource source, string what) => key.Length >= MinimumBytes ? key
        : throw Refused(source, $"{what} holds {key.Length} bytes; at least {MinimumBytes} random bytes are needed.");

    private static SecretKeyRefusedException Refused(SecretKeySource source, string problem) => new(
        $"The portal needs a secret key for {source.Purpose} and will not start without one. {problem} " +
        $"Set {source.Setting} to at least {MinimumBytes} random bytes in base64 (for example the output of `openssl rand -base64 32`), " +
        $"or {source.FileSetting} to a file holding them. Keep the key out of the database and out of the repository.");

    private static byte[]? Decode(string text)
    {
        if (text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(text);
        }
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>A key file holds the key as base64 or hex text, or as raw random bytes.</summary>
    private static byte[] ReadFile(string path, SecretKeySource source)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refused(source, $"The key file {path} ({source.FileSetting}) cannot be read: {ex.Message}");
        }
        var text = bytes.All(b => b is >= 0x20 and < 0x7f or (byte)'\n' or (byte)'\r') ? Encoding.ASCII.GetString(bytes).Trim() : null;
        return text is { Length: > 0 } && Decode(text) is { } decoded ? decoded : bytes;
    }

    /// <summary>Reads the demo's key, or makes it: two instances starting together on one database agree on one key.</summary>
    private static byte[] DemoKey(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (File.Exists(path))
            {
                var text = File.ReadAllText(path).Trim();
                if (text.Length > 0 || attempt > 20)
                {
                    return Decode(text) ?? [];
                }
                Thread.Sleep(50);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            try
            {
                var key = RandomNumberGenerator.GetBytes(MinimumBytes);
                using (var writer = new StreamWriter(path, Encoding.ASCII, options))
                {
                    writer.Write(Convert.ToBase64String(key));
                }
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance made it a moment ago; read theirs.
            }
        }
    }
}

/// <summary>A secret key is missing or unusable: the portal and its verbs stop with this message.</summary>
public sealed class SecretKeyRefusedException(string message) : InvalidOperationException(message);
