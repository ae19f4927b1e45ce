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

    protected override async Task<List<string>> QueryRawAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    protected override string SchemaObjectsSql => """
        SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE tablename IN ('messages', 'cases', 'case_events')
        UNION ALL SELECT 'trigger ' || tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text IN ('messages', 'cases', 'case_events')
        UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid::regclass::text IN ('messages', 'cases', 'case_events')
        ORDER BY 1
        """;

    protected override string SearchCountSql => "SELECT count(*) FROM messages WHERE tsv @@ to_tsquery('russian', 'дорога')";
}
