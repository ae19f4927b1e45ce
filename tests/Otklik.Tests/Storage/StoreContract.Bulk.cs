using Otklik.Errors;
using Otklik.Ingest;
using Otklik.Storage;

namespace Otklik.Tests.Storage;

/// <summary>Bulk-load windows: the same rows, counters and search as the row-by-row path, and a crash left open is healed.</summary>
public abstract partial class StoreContract
{
    // What a bulk load must leave exactly as the normal path does: rows, derived columns, counters, search, the schema.
    private static readonly string[] Snapshot =
    [
        "SELECT channel, external_id, case_id, author_id, text FROM messages ORDER BY id",
        "SELECT id, topic_group, topic, body_id, status, label_source, first_message_id, first_author_id, reopened_count, reassigned_count FROM cases ORDER BY id",
        "SELECT case_id, actor, kind FROM case_events ORDER BY id",
        "SELECT body_id, topic_group, clock, SUM(cases) FROM open_case_counts GROUP BY body_id, topic_group, clock HAVING SUM(cases) <> 0 ORDER BY 1, 2, 3",
    ];

    /// <summary>Rows of a query on <paramref name="database"/>, each as its values joined by '|'.</summary>
    protected abstract Task<List<string>> QueryRawAsync(string database, string sql);

    /// <summary>A query listing the names of the indexes and triggers of messages, cases and events, one per row, sorted.</summary>
    protected abstract string SchemaObjectsSql { get; }

    /// <summary><paramref name="sql"/> run as a writer that does not enforce foreign keys (PostgreSQL's are dropped in a window).</summary>
    protected virtual string WithoutForeignKeys(string sql) => sql;

    /// <summary>A query counting the messages full-text search finds for the word <c>дорога</c> (road).</summary>
    protected abstract string SearchCountSql { get; }

    private async Task<List<string>> SnapshotAsync(string database)
    {
        var rows = new List<string>();
        foreach (var sql in Snapshot.Append(SchemaObjectsSql).Append(SearchCountSql))
        {
            rows.Add("-- " + sql);
            rows.AddRange(await QueryRawAsync(database, sql));
        }

        return rows;
    }

    private async Task<List<string>> NormalImportSnapshotAsync(string file, ImportSpec spec)
    {
        var database = await NewDatabaseAsync();
        await using (var store = await OtklikStores.OpenAsync(database, null, CancellationToken.None))
        {
            await new MessageImporter(store, new Otklik.Privacy.Pseudonymizer("test-key-test-key-test-key"u8.ToArray()), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now))
                .ImportAsync([file], spec, null, CancellationToken.None, BulkMode.Off);
        }

        return await SnapshotAsync(database);
    }

    [Fact]
    public async Task A_bulk_import_leaves_the_same_rows_counters_search_and_indexes_as_a_normal_one()
    {
        var summary = await Importer(batchSize: 300).ImportAsync([DemoFile], ImportSpec.Kursk(), null, CancellationToken.None, BulkMode.On);

        Assert.Equal((2000, 2000, 0, 0), (summary.Read, summary.Imported, summary.Duplicates, summary.Quarantined));
        Assert.NotNull(summary.Bulk);
        var expected = await NormalImportSnapshotAsync(DemoFile, ImportSpec.Kursk());
        var actual = await SnapshotAsync(Database);
        Assert.Equal(expected, actual);
        Assert.Contains(actual, r => r.Contains("cases_open_insert", StringComparison.Ordinal));
        Assert.NotEqual("0", actual[^1]);
    }

    [Fact]
    public async Task A_bulk_import_run_again_adds_nothing_and_keeps_the_store_whole()
    {
        await Importer().ImportAsync([DemoFile], ImportSpec.Kursk(), null, CancellationToken.None, BulkMode.On);
        var before = await SnapshotAsync(Database);

        var again = await Importer().ImportAsync([DemoFile], ImportSpec.Kursk(), null, CancellationToken.None, BulkMode.On);

        Assert.Equal((2000, 0, 2000, 0), (again.Read, again.Imported, again.Duplicates, again.Quarantined));
        Assert.Equal(before, await SnapshotAsync(Database));
    }

    [Fact]
    public async Task A_bulk_load_a_crash_left_open_is_closed_when_the_store_opens_and_the_rerun_completes_the_import()
    {
        var lines = Enumerable.Range(1, 400).Select(i =>
            $$"""{"channel":"vk","external_id":"{{i}}","text":"Разбитая дорога у дома {{i}}","author":"Автор {{i % 7}}","topic":"Дороги","topic_group":"{{i % 3}}","executor":"Комитет {{i % 5}}"}""").ToList();
        var all = Temp.Write("m.jsonl", string.Join('\n', lines) + "\n");

        // The same file name: the "created" events name the file.
        Directory.CreateDirectory(Temp.File("half"));
        var half = Temp.Write("half/m.jsonl", string.Join('\n', lines.Take(200)) + "\n");
        var window = await Store.BeginBulkLoadAsync(CancellationToken.None);
        Assert.Contains("cases_status", window.Dropped.Indexes);
        await ImportAsync(half);
        await window.DisposeAsync(); // the process dies: the window stays open in the database

        await using (var reopened = await OtklikStores.OpenAsync(Database, null, CancellationToken.None))
        {
            Assert.Empty(await QueryRawAsync(Database, "SELECT name FROM bulk_window"));
            var rerun = await new MessageImporter(reopened, new Otklik.Privacy.Pseudonymizer("test-key-test-key-test-key"u8.ToArray()), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now))
                .ImportAsync([all], new ImportSpec(), null, CancellationToken.None, BulkMode.On);
            Assert.Equal((400, 200, 200, 0), (rerun.Read, rerun.Imported, rerun.Duplicates, rerun.Quarantined));
        }

        Assert.Equal(await NormalImportSnapshotAsync(all, new ImportSpec()), await SnapshotAsync(Database));
    }

    [Fact]
    public async Task A_bulk_import_stores_a_key_repeated_in_a_later_batch_once_whatever_batches_are_written_together()
    {
        var lines = Enumerable.Range(0, 400).Select(i =>
            $$"""{"channel":"vk","external_id":"{{i % 200}}","text":"Яма на дороге {{i}}","author":"Автор {{i % 7}}","topic":"Дороги","executor":"Комитет {{i % 5}}"}""");
        var file = Temp.Write("repeated.jsonl", string.Join('\n', lines) + "\n");

        var summary = await Importer(batchSize: 50).ImportAsync([file], new ImportSpec(), null, CancellationToken.None, BulkMode.On);

        Assert.Equal((400, 200, 200, 0), (summary.Read, summary.Imported, summary.Duplicates, summary.Quarantined));
        Assert.Equal(["200|200|200|200"], await QueryRawAsync(Database,
            "SELECT (SELECT count(*) FROM messages), (SELECT count(DISTINCT external_id) FROM messages), (SELECT count(*) FROM cases), (SELECT count(*) FROM case_events)"));
    }

    [Fact]
    public async Task A_bulk_load_that_would_leave_a_message_without_its_case_is_refused_and_closed_once_the_row_is_gone()
    {
        var window = await Store.BeginBulkLoadAsync(CancellationToken.None);
        await ImportAsync(DemoFile, ImportSpec.Kursk());

        // Another writer's row the window did not check as it was written (foreign keys are checked at the end).
        await ExecuteRawAsync(WithoutForeignKeys("INSERT INTO messages (channel, external_id, text, received_at, case_id) VALUES ('vk', 'orphan', 'Текст', '2025-01-01T00:00:00.000000Z', 999999)"));
        await Assert.ThrowsAnyAsync<Exception>(() => window.FinishAsync(CancellationToken.None));
        Assert.NotEmpty(await QueryRawAsync(Database, "SELECT name FROM bulk_window"));

        await ExecuteRawAsync("DELETE FROM messages WHERE external_id = 'orphan'");
        await using (await OtklikStores.OpenAsync(Database, null, CancellationToken.None))
        {
            Assert.Empty(await QueryRawAsync(Database, "SELECT name FROM bulk_window"));
        }

        Assert.Equal(await NormalImportSnapshotAsync(DemoFile, ImportSpec.Kursk()), await SnapshotAsync(Database));
    }

    [Fact]
    public async Task A_case_another_writer_inserts_before_its_messages_in_a_window_gets_its_first_message_when_the_window_closes()
    {
        var window = await Store.BeginBulkLoadAsync(CancellationToken.None);
        await ImportAsync(DemoFile, ImportSpec.Kursk());

        // The insert triggers that would name the first message are dropped in the window; its end must do their work.
        await ExecuteRawAsync("INSERT INTO cases (id, status, created_at, updated_at) VALUES (900001, 'new', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z')");
        await ExecuteRawAsync(WithoutForeignKeys(
            "INSERT INTO messages (channel, external_id, author_id, text, received_at, case_id) VALUES "
            + "('vk', 'late-1', 'first', 'Текст', '2025-01-01T00:00:00.000000Z', 900001), ('vk', 'late-2', 'second', 'Текст', '2025-01-01T00:00:00.000000Z', 900001)"));
        await window.FinishAsync(CancellationToken.None);

        Assert.Equal(
            await QueryRawAsync(Database, "SELECT id, author_id FROM messages WHERE external_id = 'late-1'"),
            await QueryRawAsync(Database, "SELECT first_message_id, first_author_id FROM cases WHERE id = 900001"));
    }

    [Fact]
    public async Task A_second_bulk_load_into_the_same_database_is_refused_while_one_is_open()
    {
        await using var window = await Store.BeginBulkLoadAsync(CancellationToken.None);
        await using var other = await OtklikStores.OpenAsync(Database, null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<OtklikException>(() => other.BeginBulkLoadAsync(CancellationToken.None));

        Assert.Contains("Another bulk import", error.Message);
        await window.FinishAsync(CancellationToken.None);
    }
}
