using Otklik.Storage;

namespace Otklik.Ingest;

/// <summary>What an import did. Every record read is exactly one of imported, duplicate or quarantined.</summary>
/// <param name="Elapsed">The whole import, including a bulk load's finish: every message is searchable after it.</param>
/// <param name="Bulk">The finish of the bulk-load window the import ran in; null when it ran without one.</param>
public sealed record ImportSummary(
    IReadOnlyList<string> Files,
    long Read,
    long Imported,
    long Duplicates,
    long Quarantined,
    TimeSpan Elapsed,
    BulkLoadReport? Bulk = null)
{
    /// <summary>Nothing was quarantined.</summary>
    public bool Clean => Quarantined == 0;
}
