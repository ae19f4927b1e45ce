using Microsoft.Extensions.Logging;

namespace Otklik;

/// <summary>
/// Every log message of the core, in one place. Personal data never goes in: message texts and author names are not
/// parameters of any of these, only files, line numbers, counts and reasons.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Migrated {Database} from schema version {From} to {To}")]
    public static partial void Migrated(ILogger logger, string database, int from, int to);

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Importing {File} as {Format}")]
    public static partial void ImportingFile(ILogger logger, string file, string format);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Committed a batch: {Imported} new, {Duplicates} duplicates, {Quarantined} quarantined")]
    public static partial void BatchCommitted(ILogger logger, int imported, int duplicates, int quarantined);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Quarantined {File} line {Line}: {Reason}")]
    public static partial void Quarantined(ILogger logger, string file, long line, string reason);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Import done: {Read} read, {Imported} imported, {Duplicates} duplicates, {Quarantined} quarantined")]
    public static partial void ImportDone(ILogger logger, long read, long imported, long duplicates, long quarantined);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Rows loaded in {Seconds:F1} s; rebuilding indexes, derived columns and the search index")]
    public static partial void BulkLoadFinishing(ILogger logger, double seconds);

    [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "Processed {Count} messages in {TotalMs} ms: analysis {AnalysisMs} ms ({TextsPerSecond} texts/s on {Threads} threads), {NewCases} new cases, {Joined} joined")]
    public static partial void ProcessedBatch(ILogger logger, int count, long totalMs, long analysisMs, long textsPerSecond, int threads, int newCases, int joined);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Message {MessageId} failed analysis; marked failed and quarantined, the rest of its batch goes on")]
    public static partial void MessageFailed(ILogger logger, long messageId, Exception exception);

    [LoggerMessage(EventId = 302, Level = LogLevel.Debug, Message = "Wrote {Count} arriving messages of {Batches} batches in one transaction: waited {WaitMs} ms for the writer, open {OpenMs} ms, reads {ReadMs} ms, writes {WriteMs} ms, search index {SearchMs} ms, commit {CommitMs} ms")]
    public static partial void WroteBatch(ILogger logger, int count, int batches, double waitMs, double openMs, double readMs, double writeMs, double searchMs, double commitMs);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "{Batches} arriving batches could not be written together; each is written on its own")]
    public static partial void GroupFailed(ILogger logger, int batches, Exception? exception);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "The search vectors of {Count} arriving messages could not be computed ahead; the insert computes them")]
    public static partial void SearchVectorsFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "A write met another writer's work (a key it stored, cases it opened that change the plan; attempt {Attempt}); nothing was committed, it is read, planned and written again")]
    public static partial void PlanConflict(ILogger logger, int attempt);

    [LoggerMessage(EventId = 306, Level = LogLevel.Debug, Message = "A group of {Count} messages met cases another writer opened meanwhile; its writes were undone and it was planned again and written")]
    public static partial void Replanned(ILogger logger, int count);

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Rebuilding the search index {Index} ({How}): {NewMessages} messages added since the last rebuild, {Messages} in all")]
    public static partial void SearchIndexRebuilding(ILogger logger, string index, string how, long newMessages, long messages);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Rebuilt the search index {Index} in {Seconds:F1} s")]
    public static partial void SearchIndexRebuilt(ILogger logger, string index, double seconds);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Rebuilding the search index {Index} failed after {Seconds:F1} s; the old index stays in use, and the next run drops what the rebuild left")]
    public static partial void SearchIndexRebuildFailed(ILogger logger, string index, double seconds, Exception exception);

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "Dropped {Leftover}, an invalid index a failed or cancelled rebuild of the search index left (writes kept updating it)")]
    public static partial void SearchIndexLeftoverDropped(ILogger logger, string leftover);

    [LoggerMessage(EventId = 404, Level = LogLevel.Information, Message = "The search index {Index} is due for a merge, held back until a look finds the writers paused, at most {Wait}")]
    public static partial void SearchIndexMergeHeldBack(ILogger logger, string index, TimeSpan wait);
}
