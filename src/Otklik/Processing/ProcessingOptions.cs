namespace Otklik.Processing;

/// <summary>How messages become cases. Bound from configuration section <c>Otklik:Processing</c>.</summary>
public sealed class ProcessingOptions
{
    /// <summary>The body a message goes to when nothing better is known. Defaults to null: the case waits for an operator.</summary>
    public string? DefaultBody { get; set; }

    /// <summary>At or above this analyzer confidence a new case is assigned to its body at once. Defaults to 0.9.</summary>
    public double AutoAssignConfidence { get; set; } = 0.9;

    /// <summary>Near-duplicate threshold: estimated Jaccard similarity of character shingles. Defaults to 0.5.</summary>
    public double DuplicateSimilarity { get; set; } = 0.5;

    /// <summary>How far back an open case can still absorb a near-duplicate message. Defaults to 30 days.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Messages processed per transaction. Defaults to 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Arriving batches that queue while the previous transaction writes are written together in one transaction, up to
    /// this many messages (a larger batch is written alone). Defaults to 5,000; 1 writes every batch on its own.
    /// </summary>
    public int GroupLimit { get; set; } = 5000;

    /// <summary>
    /// How many transactions write arriving batches at once. Defaults to null: 2 on PostgreSQL, 1 on SQLite (whose one
    /// write lock lets only one write anyway, so SQLite always has one). Each writer takes the batches queued when it is
    /// free; a transaction that opens cases checks, under a lock per candidate key, that no other writer opened a case
    /// its messages should have joined meanwhile, and is written again if one did.
    /// </summary>
    public int? Writers { get; set; }

    /// <summary>Keep the raw author name/handle (shown to admins and operators only). Defaults to false: pseudonyms only.</summary>
    public bool StoreRawAuthors { get; set; }
}
