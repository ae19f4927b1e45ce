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

    [Fact]
    public async Task A_message_is_found_by_the_words_of_its_text_after_an_insert_and_after_its_text_changes()
    {
        await ImportAsync(Temp.Write("m.jsonl", """{"channel":"vk","external_id":"1","text":"Разбитая дорога у школы"}""" + "\n"));
        const string Count = "SELECT count(*) FROM messages WHERE tsv @@ to_tsquery('russian', '{0}')";
        Assert.Equal(["1"], await QueryRawAsync(Database, string.Format(System.Globalization.CultureInfo.InvariantCulture, Count, "дорога")));

        await ExecuteRawAsync("UPDATE messages SET text = 'Не горят фонари' WHERE external_id = '1'");

        Assert.Equal(["0"], await QueryRawAsync(Database, string.Format(System.Globalization.CultureInfo.InvariantCulture, Count, "дорога")));
        Assert.Equal(["1"], await QueryRawAsync(Database, string.Format(System.Globalization.CultureInfo.InvariantCulture, Count, "фонарь")));
    }
}
