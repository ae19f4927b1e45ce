using Otklik.Storage;

namespace Otklik.Routing;

/// <summary>
/// Where the router's table comes from: the database when a table was imported into it (<c>otklik routing import</c>),
/// else the shipped or given CSV file. Read once at start: a process started before an import keeps its old table.
/// </summary>
public static class RoutingTables
{
    /// <summary>
    /// The table stored in <paramref name="database"/> (a SQLite path or a PostgreSQL connection string; a SQLite file
    /// that does not exist yet is not created) or, when it holds none, the CSV at <paramref name="file"/>. The source
    /// says which, for the user.
    /// </summary>
    public static async Task<(RoutingTable Table, string Source)> LoadAsync(string? database, string file, CancellationToken cancellationToken)
    {
        if (database is not null && (OtklikStores.IsPostgres(database) || File.Exists(database)))
        {
            await using var store = await OtklikStores.OpenAsync(database, null, cancellationToken).ConfigureAwait(false);
            if (await store.LoadRoutingTableAsync(cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return (stored, "database " + store.Description);
            }
        }

        return (RoutingTableFile.Load(file), "file " + file);
    }
}
