using Microsoft.Data.Sqlite;

namespace Otklik.Tests.Storage;

/// <summary>The storage suite on SQLite: a fresh file per test.</summary>
public sealed class SqliteStoreTests : StoreContract
{
    private int _files;

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Temp.File($"data/otklik{++_files}.db"));

    protected override string WithoutForeignKeys(string sql) => "PRAGMA foreign_keys = OFF; " + sql;

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=false");
        Otklik.Storage.Sqlite.SqliteScopeWords.Register(connection); // the search index's triggers call it (migration 24)
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<List<string>> QueryRawAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    protected override string SchemaObjectsSql =>
        "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE tbl_name IN ('messages', 'cases', 'case_events') AND type IN ('index', 'trigger') ORDER BY name";

    protected override string SearchCountSql => "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'дорог*'";

    protected override string ScopeTokenCountSql(long body) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"SELECT count(*) FROM message_fts WHERE message_fts MATCH '\"{Otklik.Storage.Sqlite.SqliteScopeWords.Prefix('b', body)}\"*'");

    // FTS5 checks its index against the content view (rank 1), which gives each message's text and its case's scope.
    protected override Task AssertSearchIndexMatchesItsSourceAsync() =>
        ExecuteRawAsync("INSERT INTO message_fts (message_fts, rank) VALUES ('integrity-check', 1)");

    [Fact]
    public async Task The_database_file_and_its_folder_are_created_on_first_use_in_wal_mode()
    {
        Assert.True(File.Exists(Database));
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
