using Microsoft.Data.Sqlite;
using Otklik.Storage.Cases;
using Otklik.Storage.Sqlite;

namespace Otklik.Tests.Storage.Sqlite;

/// <summary>The merger against a file with the index's own FTS5 options, FTS5's own merges turned off so that only the merger merges.</summary>
public sealed class SqliteSearchMergerTests : IDisposable
{
    private const int Writes = 24;
    private readonly string _folder = Directory.CreateTempSubdirectory("otklik-merge-").FullName;

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "merge.db"), Pooling = false }.ToString();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Segments_left_by_many_small_writes_are_merged_after_a_commit_and_every_row_is_still_found()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"CREATE VIRTUAL TABLE message_fts USING fts5 (text, scope, {SearchDetailSchema.Options})");
        await ExecuteAsync(connection, "INSERT INTO message_fts (message_fts, rank) VALUES ('automerge', 0)");
        await ExecuteAsync(connection, "INSERT INTO message_fts (message_fts, rank) VALUES ('crisismerge', 100)");
        for (var i = 0; i < Writes; i++)
        {
            // Each transaction flushes its rows as a segment of its own.
            await ExecuteAsync(connection, $"INSERT INTO message_fts (rowid, text, scope) VALUES ({2 * i + 1}, 'Не горят фонари у дома {i}', ''), ({2 * i + 2}, 'Яма на дороге у дома {i}', '')");
        }

        Assert.Equal(Writes, await SegmentsAsync(connection));

        new SqliteSearchMerger(ConnectionString).Request();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await SegmentsAsync(connection) >= 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.InRange(await SegmentsAsync(connection), 1, 3);
        Assert.Equal(Writes, await CountAsync(connection, "фонар*"));
        Assert.Equal(Writes, await CountAsync(connection, "яма"));
    }

    [Fact]
    public async Task A_store_without_a_search_index_is_left_alone()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE messages (id INTEGER PRIMARY KEY)");
        new SqliteSearchMerger(ConnectionString).Request();
        await Task.Delay(200);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string match)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM message_fts WHERE message_fts MATCH @q";
        command.Parameters.AddWithValue("@q", match);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The segment count from FTS5's structure record (row 10 of the data table): a cookie, then varints.</summary>
    private static async Task<long> SegmentsAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT block FROM message_fts_data WHERE id = 10";
        var block = (byte[])(await command.ExecuteScalarAsync())!;
        var at = 4;
        _ = Varint(block, ref at);
        return Varint(block, ref at);
    }

    private static long Varint(byte[] bytes, ref int at)
    {
        long value = 0;
        for (var i = 0; i < 9; i++)
        {
            var b = bytes[at++];
            if (i == 8)
            {
                return (value << 8) | b;
            }

            value = (value << 7) | (long)(b & 0x7f);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        return value;
    }
}
