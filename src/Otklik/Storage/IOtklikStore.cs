using Otklik.Model;
using Otklik.Routing;

namespace Otklik.Storage;

/// <summary>
/// The case store: bodies, messages, cases and their history, and the import quarantine. Two implementations behave
/// the same, checked by one test suite: SQLite (embedded default) and PostgreSQL (production).
/// Thread-safe: each call takes a pooled connection of its own. Open one with <see cref="OtklikStores.OpenAsync"/>,
/// which applies migrations first.
/// </summary>
public interface IOtklikStore : IAsyncDisposable
{
    /// <summary>Which database this is, for messages: a file path, or host and database (never a password).</summary>
    string Description { get; }

    /// <summary>The schema version the database is at (equal to the code's after opening).</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the batch in one transaction. A message whose (channel, external id) is already stored is counted as a
    /// duplicate and changes nothing; each new one opens a case (with its labels, the body resolved or added to the
    /// registry by name) and a "created" event. Rejected lines go to quarantine, once per (source, line).
    /// Messages within one batch must have distinct (channel, external id).
    /// </summary>
    Task<ImportBatchOutcome> ImportBatchAsync(ImportBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a bulk-load window for a large import: the secondary indexes of messages, cases and events and the insert
    /// triggers whose state can be recomputed are dropped (read from the catalog) until <see cref="BulkLoad.FinishAsync"/>
    /// rebuilds them set-based; the unique key that deduplicates messages stays. Readers still see every committed row,
    /// but slower, and search finds the loaded messages only after the finish. One window per database at a time: throws
    /// <see cref="Errors.OtklikException"/> when another process holds one. A window left open by a crash is closed when
    /// the store is next opened.
    /// </summary>
    Task<BulkLoad> BeginBulkLoadAsync(CancellationToken cancellationToken);

    /// <summary>Adds bodies to the registry or updates them, matched by folded name; parents are resolved by name.</summary>
    Task<BodyUpsertOutcome> UpsertBodiesAsync(IReadOnlyList<BodyEntry> bodies, CancellationToken cancellationToken);

    /// <summary>All bodies, by name.</summary>
    Task<IReadOnlyList<Body>> ListBodiesAsync(CancellationToken cancellationToken);

    /// <summary>Quarantined input, newest first.</summary>
    Task<IReadOnlyList<QuarantineEntry>> ListQuarantineAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Row counts of the main tables.</summary>
    Task<StoreCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>Case counts by topic group, topic and body; each list cut to <paramref name="top"/> rows.</summary>
    Task<CaseStats> GetCaseStatsAsync(int top, CancellationToken cancellationToken);

    /// <summary>One case, or null.</summary>
    Task<Case?> GetCaseAsync(long id, CancellationToken cancellationToken);

    /// <summary>Cases matching the query, newest first, one page.</summary>
    Task<CasePage> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken);

    /// <summary>The messages of a case, oldest first.</summary>
    Task<IReadOnlyList<Message>> ListCaseMessagesAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>The history of a case, oldest first.</summary>
    Task<IReadOnlyList<CaseEvent>> ListCaseEventsAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the routing table with <paramref name="table"/> in one transaction (the imported file is the whole
    /// table: rules, fallbacks, topic groups). Returns the rows stored.
    /// </summary>
    Task<int> ReplaceRoutingTableAsync(RoutingTable table, CancellationToken cancellationToken);

    /// <summary>The stored routing table, or null when none was imported (the router then uses the shipped file).</summary>
    Task<RoutingTable?> LoadRoutingTableAsync(CancellationToken cancellationToken);
}
