namespace Otklik.Storage.Cases;

/// <summary>
/// The workflow database: cases, their messages, events, responses, the bodies registry, users and API keys,
/// on SQLite or PostgreSQL (see <see cref="SqlDialect"/>). Work goes through a <see cref="CaseSession"/>.
/// </summary>
public sealed class CaseDatabase(SqlDialect dialect)
{
    public SqlDialect Dialect { get; } = dialect;

    /// <summary>Creates the tables and indexes that are missing. Safe to call at every start.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(write: true, cancellationToken);
        foreach (var statement in Dialect.Schema())
        {
            await session.ExecuteAsync(statement, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Opens a session. A write session holds one transaction (SQLite: BEGIN IMMEDIATE, so two writers queue instead of
    /// deadlocking on a lock upgrade); nothing it did is visible until <see cref="CaseSession.CommitAsync"/>.
    /// </summary>
    public async Task<CaseSession> OpenAsync(bool write, CancellationToken cancellationToken = default)
    {
        var connection = Dialect.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await Dialect.PrepareAsync(connection, cancellationToken);
            var transaction = write ? await connection.BeginTransactionAsync(cancellationToken) : null;
            return new CaseSession(Dialect, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
