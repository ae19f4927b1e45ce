using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Otklik.Storage.Cases;

/// <summary>The embedded default: a SQLite file in WAL mode; search through the FTS5 index of message texts.</summary>
public sealed class SqliteDialect : SqlDialect
{
    // The foundation's encoding: UTC ISO-8601 with microseconds, which sorts as it reads.
    private const int MaxStem = 6;
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private readonly string _connectionString;
    private readonly string _writerConnectionString;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _prepared = [];
    private readonly Sqlite.SqliteCheckpointer _checkpointer;

    public SqliteDialect(string database)
    {
        var builder = database.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new SqliteConnectionStringBuilder(database)
            : new SqliteConnectionStringBuilder { DataSource = database };
        builder.Pooling = true;
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 60;
        _connectionString = builder.ToString();
        // Write sessions take their connections from a pool of their own (Microsoft.Data.Sqlite pools by connection
        // string; the explicit default cache mode only makes the string differ). The process's write turn
        // (CaseDatabase) lets one write session at a time hold one, so the same connection serves every transaction
        // and its page cache stays valid: SQLite empties a connection's whole cache when it begins a transaction after
        // another connection committed, and with the shared pool the writer mostly got a connection that readers had
        // used since its last commit, reading every page again (pread of the file and the log, 1M-case ingest bench).
        builder.Cache = SqliteCacheMode.Private;
        _writerConnectionString = builder.ToString();
        _checkpointer = new Sqlite.SqliteCheckpointer(_connectionString);
    }

    public override string Name => "sqlite";

    /// <summary>The page cache of the write sessions' connection, in KiB: it stays warm from one transaction to the next.</summary>
    internal const int WriterCacheKib = 65536;

    internal override DbConnection CreateConnection(bool write = false)
    {
        var connection = new SqliteConnection(write ? _writerConnectionString : _connectionString);
        Sqlite.SqliteScopeWords.Register(connection); // the search index's triggers call it (migration 24)
        return connection;
    }

    internal override async Task PrepareAsync(DbConnection connection, bool write, CancellationToken cancellationToken)
    {
        // A pooled connection keeps its settings: set them once per SQLite handle, not on every open (two opens a
        // request: the API key and the work).
        var handle = ((SqliteConnection)connection).Handle;
        if (handle is null || _prepared.TryGetValue(handle, out _))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        // NORMAL sync is crash-safe in WAL (a power loss may drop the last commits, never corrupts); busy_timeout makes a
        // second writer wait for the first instead of failing.
        // The page cache is per connection (a pool of them under load): keep it small and let mmap share the OS cache;
        // the write sessions' own connection, one at a time, keeps a larger one warm (see the constructor).
        // The log is checkpointed after each commit off the writer's path (SqliteCheckpointer); SQLite's own checkpoint
        // inside COMMIT only bounds it.
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000; PRAGMA cache_size = " + (write ? -WriterCacheKib : -8192).ToString(CultureInfo.InvariantCulture) + "; PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY; "
            + Sqlite.SqliteCheckpointer.AutoCheckpointPragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        _prepared.AddOrUpdate(handle, handle);
    }

    internal override object TimeToDb(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    internal override DateTimeOffset ReadTime(DbDataReader reader, int ordinal)
    {
        var text = reader.GetString(ordinal);
        return TryParseTime(text, out var time)
            ? time
            : DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>
    /// <see cref="TimeFormat"/> read digit by digit: rating a national period reads eight times a case, ten million
    /// cases, and ParseExact was most of the cost. Anything else (a hand-edited value) goes to ParseExact.
    /// </summary>
    internal static bool TryParseTime(ReadOnlySpan<char> s, out DateTimeOffset time)
    {
        time = default;
        if (s.Length != 27 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.' || s[26] != 'Z')
        {
            return false;
        }

        int year = Digits(s[..4]), month = Digits(s[5..7]), day = Digits(s[8..10]);
        int hour = Digits(s[11..13]), minute = Digits(s[14..16]), second = Digits(s[17..19]), micro = Digits(s[20..26]);
        if ((year | month | day | hour | minute | second | micro) < 0 || month is < 1 or > 12 || day < 1
            || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        time = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(micro * 10L));
        return true;
    }

    private static int Digits(ReadOnlySpan<char> s)
    {
        var value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }

            value = value * 10 + (c - '0');
        }

        return value;
    }

    // Whether the search index has its scope column (migration 18): looked up until seen once, then known. Writers take
    // turns, and a stale false only costs one more look-up.
    private bool _searchScoped;

    internal override async Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        _searchScoped = await Sqlite.SqliteSearchIndex.CatchUpAsync(connection, transaction, _searchScoped, cancellationToken);

    internal override void AfterCommit() => _checkpointer.Request();

    // The index keys each message by its id negated (migration 23, SearchNewestFirstSchema.Rowid, which also turns a rowid
    // back into the message id).
    internal override string TextMatch(string parameter) =>
        $"c.id IN (SELECT m.case_id FROM messages m WHERE m.id IN (SELECT {SearchNewestFirstSchema.Rowid("rowid")} FROM message_fts WHERE message_fts MATCH {parameter}))";

    // FTS5 takes a rowid equal to a value with a MATCH as a seek in each term's doclist (plan "INDEX 0:=M1"), so a probe
    // costs a few page reads whatever the term's count.
    internal override string MessageMatch(string message, string parameter) =>
        $"EXISTS (SELECT 1 FROM message_fts f WHERE f.message_fts MATCH {parameter} AND f.rowid = {SearchNewestFirstSchema.Rowid(message + ".id")})";

    internal override string MessagesMatch(string message, string parameter) =>
        $"{message}.id IN (SELECT {SearchNewestFirstSchema.Rowid("rowid")} FROM message_fts WHERE message_fts MATCH {parameter})";

    // Newest first is the index's own order (migration 23): FTS5 walks each term's doclist forwards and stops at the
    // LIMIT; a prefix term does so only through its prefix index (migration 10), without one it merges every matching
    // term's doclist first. Message ids in [from, below) are rowids in (-below, -from].
    internal override string NewestMatches(string query, string from, string below, string limit, bool scoped = false) =>
        $"SELECT {SearchNewestFirstSchema.Rowid("rowid")} AS id FROM message_fts WHERE message_fts MATCH {query} AND rowid > {SearchNewestFirstSchema.Rowid(below)} AND rowid <= {SearchNewestFirstSchema.Rowid(from)} ORDER BY rowid LIMIT {limit}";

    internal override string ScopedSearch(string search, IReadOnlyList<long> bodies) => SearchWordScopeSchema.SqliteScoped(search, bodies);

    /// <summary>
    /// FTS5 has no Russian stemmer: each word is folded, cut to a crude stem (endings carry the grammatical case) and
    /// matched as a prefix, so "фонарей" finds "фонари" and "фонарь". Stems are at most 6 characters and prefixes at least
    /// 3, the lengths the index has prefix indexes for (migration 10); words of one or two characters ("ул", "5") match
    /// whole. Words are quoted so no FTS syntax gets through. Each quoted word is a single token of the index's
    /// tokenizer (only letters and digits, see <see cref="SearchWords"/>), so a query is never a phrase: the index keeps
    /// no positions (migration 13) and refuses a phrase of two tokens.
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
            var stem = word.Length > 5 ? word[..Math.Min(word.Length - 2, MaxStem)] : word.Length > 3 ? word[..^1] : word;
            builder.Append(builder.Length > 0 ? " " : string.Empty).Append('"').Append(stem).Append(stem.Length > 2 ? "\"*" : "\"");
        }

        return builder.ToString();
    }
}
