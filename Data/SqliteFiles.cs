namespace Portal.Data;

/// <summary>A SQLite database on disk is up to three files: the database, its write-ahead log and its shared memory.</summary>
public static class SqliteFiles
{
    public static void Delete(string databasePath)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
