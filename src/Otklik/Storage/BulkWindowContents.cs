namespace Otklik.Storage;

/// <summary>What a bulk-load window dropped (to rebuild at its end) and which insert triggers it kept firing.</summary>
/// <param name="Indexes">Secondary, non-unique indexes of the loaded tables, read from the catalog.</param>
/// <param name="Triggers">Insert triggers whose derived state the window recomputes set-based at its end.</param>
/// <param name="Constraints">Foreign keys of the loaded tables, validated again at the end (PostgreSQL).</param>
/// <param name="KeptTriggers">Insert triggers the window does not know how to recompute; they keep firing per row.</param>
public sealed record BulkWindowContents(
    IReadOnlyList<string> Indexes, IReadOnlyList<string> Triggers, IReadOnlyList<string> Constraints, IReadOnlyList<string> KeptTriggers);
