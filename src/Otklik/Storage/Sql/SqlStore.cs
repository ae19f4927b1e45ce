using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Otklik.Errors;

namespace Otklik.Storage.Sql;

/// <summary>
/// What the SQLite and PostgreSQL stores share: migrations, the registry, the reads. Each dialect supplies its
/// connections, its time encoding and its bulk insert of messages, where the two differ most.
/// </summary>
internal abstract partial class SqlStore : IOtklikStore
{
    private readonly Dictionary<string, long> _bodyIds = new(StringComparer.Ordinal);
    private readonly Lock _bodyIdsLock = new();

    protected SqlStore(ILogger logger)
    {
        Logger = logger;
    }

    public abstract string Description { get; }

    /// <summary>The newest schema version this code knows.</summary>
    public int CodeSchemaVersion => Migrations.Count;

    protected ILogger Logger { get; }

    protected abstract IReadOnlyList<Migration> Migrations { get; }

    public abstract ValueTask DisposeAsync();

    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadSchemaVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new open connection (from the pool); the caller disposes it.</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>The parameter value for a time in this dialect.</summary>
    protected abstract object TimeToDb(DateTimeOffset value);

    protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Serializes migrations between processes (PostgreSQL: an advisory lock; SQLite: the write lock).</summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    protected object? TimeToDb(DateTimeOffset? value) => value is { } time ? TimeToDb(time) : null;

    protected DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    /// <summary>Brings the schema to <see cref="CodeSchemaVersion"/>; refuses a database newer than the code.</summary>
    protected async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = connection.Command(
            "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var current = await ReadSchemaVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current > CodeSchemaVersion)
        {
            throw new SchemaTooNewException(Description, current, CodeSchemaVersion);
        }

        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            await using (var apply = connection.Command(migration.Sql, transaction))
            {
                // A migration that rewrites a big table runs for minutes (18: a million messages' search vectors, about
                // a minute on PostgreSQL); the connection's default timeout (30 s) cut it off and the store would not open.
                apply.CommandTimeout = 0;
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var record = connection.Command(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @at)", transaction);
            record.Add("@version", migration.Version);
            record.Add("@description", migration.Description);
            record.Add("@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (current < CodeSchemaVersion)
        {
            Log.Migrated(Logger, Description, current, CodeSchemaVersion);
        }
    }

    private static async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT coalesce(max(version), 0) FROM schema_version", transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }
}
