namespace Otklik.Storage.Cases;

/// <summary>
/// SQLite: merges the FTS5 index's segments into one (<c>optimize</c>) under the same rule and record. Each writer
/// merges a little as it goes (<see cref="Sqlite.SqliteSearchIndex"/>), which leaves about ten segments after an
/// ingest, and a search reads each term in every segment: on a 1.3M-message store after an ingest (13 segments), an
/// executor's search read its matches in 5.2 ms instead of 4.0 merged, a page of a common word in 0.33 instead of
/// 0.16 ms. The merge holds the write lock (4.5 s for that store's 53 MB index): writers wait, readers go on.
/// </summary>
public sealed partial class SearchIndexUpkeep
{
    // The highest message id the previous look saw; the same again means the writers paused between two looks.
    private long? _lastSeenMessageId;

    // Since when a merge the growth rule made due has been held back for want of a pause (null: none is held back).
    private DateTimeOffset? _growthHeldSince;

    /// <summary>
    /// Looks without the write lock (a look at a 1.3M-message store took it for about 50 ms every 5 minutes when it
    /// held it), and takes it only for a merge, then looks again under it: another process may have merged meanwhile
    /// (its record makes nothing due), and a writer may have ended the pause. One write session does the second look,
    /// the merge and the record, so two lookers take turns and the second finds the first's record.
    /// </summary>
    private async Task<SearchUpkeepResult> RunSqliteAsync(SearchUpkeepRun run, CancellationToken cancellationToken)
    {
        var previous = _lastSeenMessageId;
        SqliteLook look;
        await using (var reader = await database.OpenAsync(write: false, cancellationToken))
        {
            look = await SqliteLook.ReadAsync(reader, cancellationToken);
        }

        _lastSeenMessageId = look.Newest;
        if (!SqliteMergeDue(look, previous, run))
        {
            return look.Result(SearchUpkeepOutcome.NotDue, options, TimeSpan.Zero);
        }

        await using var session = await database.OpenAsync(write: true, cancellationToken);
        look = await SqliteLook.ReadAsync(session, cancellationToken);
        _lastSeenMessageId = look.Newest;
        if (!SqliteMergeDue(look, previous, run))
        {
            return look.Result(SearchUpkeepOutcome.NotDue, options, TimeSpan.Zero);
        }

        Log.SearchIndexRebuilding(_logger, SqliteIndex, "FTS5 merged into one segment; writers wait, reads go on", look.Messages - look.LastMessages, look.Messages);
        var started = time.GetTimestamp();
        try
        {
            await session.ExecuteAsync($"INSERT INTO {SqliteIndex} ({SqliteIndex}) VALUES ('optimize')", cancellationToken);
        }
        catch (Exception e)
        {
            Log.SearchIndexRebuildFailed(_logger, SqliteIndex, time.GetElapsedTime(started).TotalSeconds, e);
            throw;
        }

        var took = time.GetElapsedTime(started);
        await session.ExecuteAsync(
            RecordSql, cancellationToken, ("index", SqliteIndex), ("at", session.T(time.GetUtcNow())), ("messages", look.Messages), ("seconds", took.TotalSeconds));
        await session.CommitAsync(cancellationToken);
        _lastSeenMessageId = null;
        _growthHeldSince = null;
        Log.SearchIndexRebuilt(_logger, SqliteIndex, took.TotalSeconds);
        return look.Result(SearchUpkeepOutcome.Rebuilt, options, took);
    }

    /// <summary>
    /// Whether a merge is due at this look (<paramref name="previousNewest"/>: the highest id the previous look saw).
    /// Called again under the write lock with what the second look read: the same answer only if nothing that decides
    /// it changed in between.
    /// </summary>
    private bool SqliteMergeDue(SqliteLook look, long? previousNewest, SearchUpkeepRun run)
    {
        if (run == SearchUpkeepRun.Now)
        {
            return true;
        }

        var now = time.GetUtcNow();
        var growth = options.GrowthDue(look.Messages - look.LastMessages, look.LastMessages, look.LastAt, now);
        if (run == SearchUpkeepRun.IfDue)
        {
            return growth;
        }

        // Also due once the writers paused (no message added since the previous look) with the index in many segments:
        // after an ingest burst, not a day later. Not for a store under MinNewMessages: a small index is fast whatever
        // its shape (the demo's merged every few looks).
        var paused = previousNewest == look.Newest;
        if (paused && look.Messages >= options.MinNewMessages && look.Segments >= options.SqliteMinSegments)
        {
            return true;
        }

        if (!growth)
        {
            _growthHeldSince = null;
            return false;
        }

        // The growth rule waits for a pause too: during a burst the merge would stop the writers for seconds (3.7–4.5 s
        // at 1.3M messages), and the first look after a start or an upgrade knows of no earlier look. A store whose
        // writers never pause is merged anyway once the merge has waited SqlitePauseWait.
        var heldSince = _growthHeldSince ?? now;
        if (paused || now - heldSince >= options.SqlitePauseWait)
        {
            return true;
        }

        if (_growthHeldSince is null)
        {
            Log.SearchIndexMergeHeldBack(_logger, SqliteIndex, options.SqlitePauseWait);
        }

        _growthHeldSince = heldSince;
        return false;
    }

    /// <summary>What a SQLite look reads: the record of the last merge, the messages (count, highest id), the segments.</summary>
    private readonly record struct SqliteLook(DateTimeOffset? LastAt, long LastMessages, long Messages, long Newest, long Segments)
    {
        public static async Task<SqliteLook> ReadAsync(CaseSession session, CancellationToken cancellationToken)
        {
            var last = await session.QueryAsync(
                LastRebuildSql, r => (At: session.Time(r, 0), Messages: r.GetInt64(1)), cancellationToken, ("index", SqliteIndex));
            var (messages, newest) = (await session.QueryAsync(
                "SELECT count(*), COALESCE(max(id), 0) FROM messages", r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken))[0];
            var segments = await Sqlite.SqliteSearchIndex.SegmentsAsync(session, cancellationToken);
            return last.Count == 0
                ? new SqliteLook(null, 0, messages, newest, segments)
                : new SqliteLook(last[0].At, last[0].Messages, messages, newest, segments);
        }

        public SearchUpkeepResult Result(SearchUpkeepOutcome outcome, SearchUpkeepOptions options, TimeSpan took) =>
            new(outcome, Messages, Messages - LastMessages, options.NeededAfter(LastMessages), LastAt, took, []);
    }
}
