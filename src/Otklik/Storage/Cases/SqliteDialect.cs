using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Otklik.Folding;

namespace Otklik.Storage.Cases;

/// <summary>The embedded default: a SQLite file in WAL mode; search through an FTS5 table of folded message texts.</summary>
public sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;

    public SqliteDialect(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public override string Name => "sqlite";

    internal override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    internal override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // WAL lets readers go on while the processor writes; NORMAL sync is still crash-safe in WAL (loses at most the
        // last commits on power loss, never corrupts). busy_timeout waits for the single writer instead of failing.
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=OFF;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal override IEnumerable<string> Schema() =>
        CommonSchema.Statements("INTEGER PRIMARY KEY", "BLOB").Append(
            "CREATE VIRTUAL TABLE IF NOT EXISTS message_fts USING fts5(text, case_id UNINDEXED, tokenize='unicode61 remove_diacritics 2')");

    internal override async Task IndexTextAsync(CaseSession session, long messageId, long caseId, string text, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            "INSERT INTO message_fts(rowid, text, case_id) VALUES (@id, @text, @case)",
            cancellationToken, ("id", messageId), ("text", RussianText.Fold(text)), ("case", caseId));

    internal override async Task UnindexTextAsync(CaseSession session, long messageId, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("DELETE FROM message_fts WHERE rowid = @id", cancellationToken, ("id", messageId));

    internal override string TextMatch(string parameter) =>
        $"c.id IN (SELECT case_id FROM message_fts WHERE message_fts MATCH {parameter})";

    /// <summary>
    /// FTS5 has no Russian stemmer: each word is folded, cut to a crude stem (endings carry the grammatical case) and
    /// matched as a prefix, so "фонарей" finds "фонари" and "фонарь". Words are quoted so no FTS syntax gets through.
    /// </summary>
    internal override string? SearchQuery(string typed)
    {
        var words = SearchWords.Split(typed);
        if (words.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var word in words)
        {
            var stem = word.Length > 5 ? word[..^2] : word.Length > 3 ? word[..^1] : word;
            builder.Append(builder.Length > 0 ? " " : string.Empty).Append('"').Append(stem).Append("\"*");
        }

        return builder.ToString();
    }
}
