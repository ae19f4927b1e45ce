using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Otklik.Storage.Cases;

/// <summary>The embedded default: a SQLite file in WAL mode; search through the FTS5 index of message texts.</summary>
public sealed class SqliteDialect : SqlDialect
{
    // The foundation's encoding: UTC ISO-8601 with microseconds, which sorts as it reads.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private readonly string _connectionString;

    public SqliteDialect(string database)
    {
        var builder = database.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new SqliteConnectionStringBuilder(database)
            : new SqliteConnectionStringBuilder { DataSource = database };
        builder.Pooling = true;
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 60;
        _connectionString = builder.ToString();
    }

    public override string Name => "sqlite";

    internal override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    internal override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // NORMAL sync is crash-safe in WAL (a power loss may drop the last commits, never corrupts); busy_timeout makes a
        // second writer wait for the first instead of failing.
        // The page cache is per connection (a pool of them under load): keep it small and let mmap share the OS cache.
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000; PRAGMA cache_size = -8192; PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal override object TimeToDb(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    internal override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal override Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Sqlite.SqliteSearchIndex.CatchUpAsync(connection, transaction, cancellationToken);

    internal override string TextMatch(string parameter) =>
        $"c.id IN (SELECT m.case_id FROM messages m WHERE m.id IN (SELECT rowid FROM message_fts WHERE message_fts MATCH {parameter}))";

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
