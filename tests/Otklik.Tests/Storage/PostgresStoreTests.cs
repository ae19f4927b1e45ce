using Npgsql;
using Otklik.Tests.Support;

namespace Otklik.Tests.Storage;

/// <summary>The storage suite on PostgreSQL: a database of its own per test in the collection's throwaway cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresCluster cluster) : StoreContract
{
    protected override Task<string> NewDatabaseAsync() => cluster.CreateDatabaseAsync();

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
