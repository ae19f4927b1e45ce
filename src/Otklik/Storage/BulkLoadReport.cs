namespace Otklik.Storage;

/// <summary>The end of a bulk-load window: how long each part of finishing took. The search index is complete after it.</summary>
/// <param name="Indexes">Rebuilding the dropped indexes (and, on PostgreSQL, validating the foreign keys again).</param>
/// <param name="Derived">Recomputing what the dropped triggers keep (open case counts, first message of a case), restoring them.</param>
/// <param name="Search">Completing search after the rows are queryable, in a transaction of its own: SQLite indexes the
/// loaded texts (FTS5); PostgreSQL fills their search vectors, then builds the GIN index over them. Before it ends, the
/// loaded messages are stored and queryable but not found by a full-text search.</param>
public sealed record BulkLoadReport(TimeSpan Indexes, TimeSpan Derived, TimeSpan Search)
{
    /// <summary>The whole finishing step.</summary>
    public TimeSpan Total => Indexes + Derived + Search;
}
