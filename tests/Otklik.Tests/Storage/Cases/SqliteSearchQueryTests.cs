using Microsoft.Data.Sqlite;
using Otklik.Storage.Cases;

namespace Otklik.Tests.Storage.Cases;

/// <summary>The dialect's search queries run against an FTS5 table with the index's own options (migration 13).</summary>
public sealed class SqliteSearchQueryTests : IAsyncLifetime
{
    private static readonly string[] Texts =
    [
        "Не горят фонари во дворе дома 5",
        "Освещения на улице Ленина нет с понедельника",
        "Ямы на дороге к школе, ул. Мира",
        "Горячей воды нет третий день",
    ];

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SqliteDialect _dialect = new("unused.db");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var command = _connection.CreateCommand();
        command.CommandText = $"CREATE VIRTUAL TABLE message_fts USING fts5 (text, {SearchDetailSchema.Options})";
        await command.ExecuteNonQueryAsync();
        for (var i = 0; i < Texts.Length; i++)
        {
            command.CommandText = "INSERT INTO message_fts (rowid, text) VALUES (@id, @text)";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("@id", i + 1);
            command.Parameters.AddWithValue("@text", Texts[i]);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Theory]
    [InlineData("фонарей", new long[] { 1 })]
    [InlineData("ФОНАРЬ", new long[] { 1 })]
    [InlineData("освещение", new long[] { 2 })]
    [InlineData("дорога", new long[] { 3 })]
    [InlineData("ямы", new long[] { 3 })]
    [InlineData("ул", new long[] { 3 })]
    [InlineData("горячая вода", new long[] { 4 })]
    [InlineData("нет", new long[] { 2, 4 })]
    [InlineData("фонари дорога", new long[0])]
    [InlineData("5", new long[] { 1 })]
    public async Task A_word_is_found_by_its_stem_and_every_word_must_match(string typed, long[] expected)
    {
        Assert.Equal(expected, await MatchesAsync(typed));
    }

    // The index keeps no positions, so FTS5 refuses a phrase of two tokens: every word the dialect quotes must be a
    // single token of the index's tokenizer, whatever the separators, marks and digits typed between letters.
    [Theory]
    [InlineData("фона\u0301ри")]
    [InlineData("x²y фонари")]
    [InlineData("фонари\u200Bдом")]
    [InlineData("ﬁнал ½ ١٢٣")]
    [InlineData("\"фонари\" NEAR(дом) OR *")]
    [InlineData("𝔉онари 😀дом")]
    public async Task A_search_with_marks_symbols_or_fts_syntax_runs_as_plain_words(string typed)
    {
        await MatchesAsync(typed);
    }

    private async Task<List<long>> MatchesAsync(string typed)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM message_fts WHERE message_fts MATCH @q ORDER BY rowid";
        command.Parameters.AddWithValue("@q", _dialect.SearchQuery(typed));
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
