using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Otklik.Storage.Postgres;
using Otklik.Storage.Sqlite;

namespace Otklik.Storage;

/// <summary>Opens the store a <c>--db</c> value names, migrating it to the code's schema version first.</summary>
public static class OtklikStores
{
    /// <summary>
    /// A PostgreSQL connection string (anything with <c>Host=</c>, <c>Server=</c> or <c>Database=</c>) opens PostgreSQL;
    /// anything else is a SQLite file path (or a <c>Data Source=</c> connection string), created on first use.
    /// Throws <see cref="Errors.SchemaTooNewException"/> when the database is newer than the code.
    /// </summary>
    public static async Task<IOtklikStore> OpenAsync(string database, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        loggers ??= NullLoggerFactory.Instance;
        if (IsPostgres(database))
        {
            return await PostgresStore.OpenAsync(database, loggers.CreateLogger<PostgresStore>(), cancellationToken).ConfigureAwait(false);
        }

        return await SqliteStore.OpenAsync(database, loggers.CreateLogger<SqliteStore>(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="database"/> is a PostgreSQL connection string rather than a SQLite file.</summary>
    public static bool IsPostgres(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || database.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            || (database.Contains("Database=", StringComparison.OrdinalIgnoreCase)
                && !database.Contains("Data Source=", StringComparison.OrdinalIgnoreCase));
    }
}
