using System.Data.Common;
using Otklik.Storage.Postgres;
using Otklik.Storage.Sqlite;

namespace Otklik.Storage.Cases;

/// <summary>
/// What differs between the two databases for the case workflow: connections, time encoding and full-text search.
/// Everything else is one SQL text shared by both (parameters as <c>@name</c>, <c>ON CONFLICT … RETURNING</c>).
/// The schema is the foundation's, migrated by <see cref="OtklikStores"/> (the workflow's part is <see cref="WorkflowSchema"/>).
/// </summary>
public abstract class SqlDialect
{
    /// <summary>"sqlite" or "postgresql".</summary>
    public abstract string Name { get; }

    /// <summary>A new (pooled) connection; <paramref name="write"/>: for a write session, which holds the process's write turn.</summary>
    internal abstract DbConnection CreateConnection(bool write = false);

    internal virtual Task PrepareAsync(DbConnection connection, bool write, CancellationToken cancellationToken) => Task.CompletedTask;

    internal abstract object TimeToDb(DateTimeOffset value);

    internal abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>A condition on cases alias <c>c</c> that is true when one of its messages matches the search in <paramref name="parameter"/>.</summary>
    internal abstract string TextMatch(string parameter);

    /// <summary>
    /// Ids (column <c>id</c>) of the messages matching the search in <paramref name="query"/> from the id in
    /// <paramref name="from"/> to below the id in <paramref name="below"/>, newest first, at most <paramref name="limit"/>:
    /// a read that stops early however many match. <paramref name="scoped"/>: the search is narrowed to a few bodies
    /// (<see cref="ScopedSearch"/>), so its matches are few and the index can list them all.
    /// </summary>
    internal abstract string NewestMatches(string query, string from, string below, string limit, bool scoped = false);

    /// <summary>
    /// Whether a scoped search's page is read in one statement that groups all of the scope's matches by case
    /// (<c>CaseSession.ScopedMatchesAsync</c>) instead of walking the newest matches a window at a time. True where the
    /// index reads every match of a scoped search for any window anyway (PostgreSQL's bitmap of the GIN index), so the
    /// walk paid that read again for each window and for each check of newer matches.
    /// </summary>
    internal virtual bool GroupsScopedMatches => false;

    /// <summary>
    /// A condition on messages alias <paramref name="message"/> that is true when that message matches the search in
    /// <paramref name="parameter"/>, for a statement that checks a few messages read by case: one probe each.
    /// </summary>
    internal abstract string MessageMatch(string message, string parameter);

    /// <summary>
    /// The same condition for a statement that reads many messages: SQLite lists the index's matches once instead of
    /// probing it per message.
    /// </summary>
    internal virtual string MessagesMatch(string message, string parameter) => MessageMatch(message, parameter);

    /// <summary>
    /// "<paramref name="column"/> is one of <paramref name="ids"/>" and the value to bind as <paramref name="parameter"/>
    /// (null: nothing to bind). SQLite writes the ids into the text (its statements are cheap to compile); PostgreSQL
    /// binds them as one array, so the text stays the same and is prepared once instead of planned on every call.
    /// </summary>
    internal virtual (string Sql, object? Value) IdIn(string column, string parameter, IReadOnlyList<long> ids) =>
        ($"{column} IN ({string.Join(',', ids.Select(Db.Literal))})", null);

    /// <summary>
    /// The SQL that stands for the search <paramref name="search"/> (a <see cref="SearchQuery"/> result) in a statement:
    /// the parameter <c>@q</c>, bound to it, unless the dialect writes it into the text.
    /// </summary>
    internal virtual string SearchTerm(string search) => "@q";

    /// <summary>Turns what a person typed into the dialect's query language; null when nothing searchable is left.</summary>
    internal abstract string? SearchQuery(string typed);

    /// <summary>
    /// The search <paramref name="search"/> (a <see cref="SearchQuery"/> result) narrowed to the messages of cases owned
    /// by or escalated to one of <paramref name="bodies"/>, by the scope tokens the index holds (migration 18,
    /// <see cref="SearchScopeSchema"/>). It only narrows what the index reads: the list still checks the scope exactly.
    /// </summary>
    internal abstract string ScopedSearch(string search, IReadOnlyList<long> bodies);

    /// <summary>Work a write transaction owes the database before it commits (SQLite: its search index).</summary>
    internal virtual Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Called after a write transaction committed (SQLite: asks for a checkpoint off the writer's path).</summary>
    internal virtual void AfterCommit()
    {
    }

    /// <summary>Picks the dialect from a <c>--db</c> value, the same way <see cref="OtklikStores"/> does.</summary>
    public static SqlDialect FromDb(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        return OtklikStores.IsPostgres(db) ? new PostgresDialect(db) : new SqliteDialect(db);
    }
}
