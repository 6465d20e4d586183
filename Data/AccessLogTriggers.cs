namespace Portal.Data;

/// <summary>
/// Database triggers that make the access log append-only for anyone going through SQLite, not only for
/// the app: an UPDATE is always refused, a DELETE only succeeds for entries that retention has already
/// anchored (see AccessLogAnchor). Acknowledgements and anchors are immutable in the same way.
/// Someone with write access to the file can still drop a trigger; the hash chain is what detects that.
/// </summary>
public static class AccessLogTriggers
{
    public const string NoUpdate = "AccessLog_NoUpdate";
    public const string NoDelete = "AccessLog_NoDelete";
    public const string AnchorNoUpdate = "AccessLogAnchors_NoUpdate";
    public const string AnchorNoDelete = "AccessLogAnchors_NoDelete";
    public const string ReviewNoUpdate = "FlagReviews_NoUpdate";
    public const string ReviewNoDelete = "FlagReviews_NoDelete";

    public const string AppendOnlyMessage = "The access log is append-only.";

    private const string LastAnchored = "COALESCE((SELECT MAX(ThroughEntryId) FROM AccessLogAnchors), 0)";

    public static readonly IReadOnlyList<string> Create =
    [
        $"CREATE TRIGGER {NoUpdate} BEFORE UPDATE ON AccessLog BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END;",
        $"CREATE TRIGGER {NoDelete} BEFORE DELETE ON AccessLog WHEN OLD.Id > {LastAnchored} BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END;",
        $"CREATE TRIGGER {AnchorNoUpdate} BEFORE UPDATE ON AccessLogAnchors BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END;",
        $"CREATE TRIGGER {AnchorNoDelete} BEFORE DELETE ON AccessLogAnchors BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END;",
        $"CREATE TRIGGER {ReviewNoUpdate} BEFORE UPDATE ON FlagReviews BEGIN SELECT RAISE(ABORT, 'An acknowledgement cannot be changed.'); END;",
        $"CREATE TRIGGER {ReviewNoDelete} BEFORE DELETE ON FlagReviews WHEN OLD.AccessLogEntryId > {LastAnchored} BEGIN SELECT RAISE(ABORT, 'An acknowledgement cannot be deleted.'); END;",
    ];

    public static IEnumerable<string> Drop =>
        new[] { NoUpdate, NoDelete, AnchorNoUpdate, AnchorNoDelete, ReviewNoUpdate, ReviewNoDelete }.Select(t => $"DROP TRIGGER IF EXISTS {t};");
}
