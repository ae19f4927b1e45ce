using Microsoft.Extensions.Logging;

namespace Otklik.Storage.Cases;

/// <summary>
/// The case workflow's access to the store's database (the same tables as <see cref="IOtklikStore"/>): sessions
/// that span several statements in one transaction, which processing and transitions need.
/// </summary>
public sealed class CaseDatabase(SqlDialect dialect)
{
    // SQLite has one writer; its busy handler polls, so a long writer (an SLA backlog) can starve the others. Writers
    // of this process queue here instead, in turn; other processes still meet the busy timeout.
    private readonly SemaphoreSlim? _writer = dialect is SqliteDialect ? new SemaphoreSlim(1, 1) : null;

    public SqlDialect Dialect { get; } = dialect;

    /// <summary>Migrates the database named by <paramref name="db"/> (a SQLite path or a PostgreSQL connection string) and opens it.</summary>
    public static async Task<CaseDatabase> OpenAsync(string db, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default)
    {
        await using (await OtklikStores.OpenAsync(db, loggers, cancellationToken))
        {
            // Opening the store applies the migrations; the workflow then uses its own connections.
        }

        return new CaseDatabase(SqlDialect.FromDb(db));
    }

    /// <summary>
    /// Opens a session. A write session holds one transaction (SQLite: BEGIN IMMEDIATE, so two writers queue instead of
    /// deadlocking on a lock upgrade); nothing it did is visible until <see cref="CaseSession.CommitAsync"/>.
    /// </summary>
    public async Task<CaseSession> OpenAsync(bool write, CancellationToken cancellationToken = default)
    {
        var gate = write ? _writer : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        var connection = Dialect.CreateConnection(write);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await Dialect.PrepareAsync(connection, write, cancellationToken);
            var transaction = write ? await connection.BeginTransactionAsync(cancellationToken) : null;
            return new CaseSession(Dialect, connection, transaction, gate);
        }
        catch
        {
            await connection.DisposeAsync();
            gate?.Release();
            throw;
        }
    }
}
