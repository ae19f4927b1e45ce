namespace Otklik.Storage;

/// <summary>The end of a bulk-load window: how long each part of finishing took. The search index is complete after it.</summary>
/// <param name="Indexes">Rebuilding the dropped indexes (and, on PostgreSQL, validating the foreign keys again).</param>
/// <param name="Derived">Recomputing what the dropped triggers keep (open case counts, first message of a case), restoring them.</param>
/// <param name="Search">The rest of finishing, for search: SQLite indexes the loaded texts (FTS5) after the rows are
/// queryable; PostgreSQL fills their search vectors before the first stage, then builds the GIN index beside it. Until it
/// ends, the loaded messages may be stored and queryable but not found by a full-text search.</param>
public sealed record BulkLoadReport(TimeSpan Indexes, TimeSpan Derived, TimeSpan Search)
{
    /// <summary>
    /// From the start of finishing until the rows were queryable (the first stage committed). Defaults to
    /// <see cref="Indexes"/> + <see cref="Derived"/>; more when part of search (PostgreSQL: filling the vectors) comes first.
    /// </summary>
    public TimeSpan Queryable { get; init; } = Indexes + Derived;

    /// <summary>The whole finishing step.</summary>
    public TimeSpan Total => Indexes + Derived + Search;
}
