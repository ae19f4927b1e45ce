using Npgsql;
using Otklik.Ingest;
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

    protected override string ScopeTokenCountSql(long body) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SELECT count(*) FROM messages WHERE tsv @@ '''#b{body}'''::tsquery");

    // Every message's vector, exactly as the insert trigger computes it: the text's, then its case's scope.
    protected override async Task AssertSearchIndexMatchesItsSourceAsync() =>
        Assert.Equal(["0|0"], await QueryRawAsync(Database, """
            SELECT count(*) FILTER (WHERE m.tsv IS DISTINCT FROM to_tsvector('russian', m.text)
                     || coalesce(message_scope_vector(c.body_id, c.escalated_to_body_id), ''::tsvector)),
                   count(*) FILTER (WHERE m.tsv IS NULL)
            FROM messages m LEFT JOIN cases c ON c.id = m.case_id
            """));

    [Fact]
    public async Task A_bulk_load_a_window_with_the_search_trigger_dropped_fills_the_vectors_with_their_scope()
    {
        // As an Otklik before the trigger stayed live left its window: the vectors are then filled at its end.
        var window = await Store.BeginBulkLoadAsync(CancellationToken.None);
        await ExecuteRawAsync("""
            INSERT INTO bulk_window (position, kind, name, create_sql)
              SELECT 1000, 'trigger', tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'messages_search_vector';
            DROP TRIGGER messages_search_vector ON messages;
            """);
        await ImportAsync(DemoFile, ImportSpec.Kursk(), batchSize: 300);
        await ExecuteRawAsync("INSERT INTO messages (channel, external_id, text, received_at) VALUES ('vk', 'pending', 'Разбитая дорога', '2025-01-01T00:00:00Z')");
        Assert.NotEqual(["0"], await QueryRawAsync(Database, "SELECT count(*) FROM messages WHERE tsv IS NULL"));
        await window.FinishAsync(CancellationToken.None);

        Assert.Single(await QueryRawAsync(Database, "SELECT tgname FROM pg_trigger WHERE tgname = 'messages_search_vector'"));
        await AssertSearchIndexMatchesItsSourceAsync();
        Assert.Equal(
            await QueryRawAsync(Database, "SELECT count(*) FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.body_id IS NOT NULL"),
            await QueryRawAsync(Database, "SELECT count(*) FROM messages WHERE tsv @@ '''#b'':*'::tsquery"));
    }

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
