using System.Data.Common;

namespace Otklik.Storage.Cases;

/// <summary>
/// What differs between the two case databases: connections, DDL and full-text search. Everything else is one SQL text
/// shared by both (parameters as <c>@name</c>, <c>ON CONFLICT … RETURNING</c>, times as Unix milliseconds).
/// </summary>
public abstract class SqlDialect
{
    /// <summary>"sqlite" or "postgresql".</summary>
    public abstract string Name { get; }

    internal abstract DbConnection CreateConnection();

    internal virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    internal abstract IEnumerable<string> Schema();

    /// <summary>Called when a processed message is attached to its case, so search finds the case by the message.</summary>
    internal abstract Task IndexTextAsync(CaseSession session, long messageId, long caseId, string text, CancellationToken cancellationToken);

    /// <summary>Called when retention removes a message text.</summary>
    internal abstract Task UnindexTextAsync(CaseSession session, long messageId, CancellationToken cancellationToken);

    /// <summary>A condition on cases alias <c>c</c> that is true when one of its messages matches the search in <paramref name="parameter"/>.</summary>
    internal abstract string TextMatch(string parameter);

    /// <summary>Turns what a person typed into the dialect's query language; null when nothing searchable is left.</summary>
    internal abstract string? SearchQuery(string typed);

    /// <summary>Picks the dialect from a <c>--db</c> value: a PostgreSQL connection string (has <c>Host=</c>) or a SQLite file path.</summary>
    public static SqlDialect FromDb(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        return db.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new PostgresDialect(db)
            : new SqliteDialect(db);
    }
}
