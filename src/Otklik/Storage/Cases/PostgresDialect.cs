using System.Data.Common;
using Npgsql;

namespace Otklik.Storage.Cases;

/// <summary>Production: PostgreSQL; search through the stored <c>russian</c> tsvector of each message (GIN index).</summary>
public sealed class PostgresDialect(string connectionString) : SqlDialect
{
    /// <summary>Statements prepared per connection when the connection string does not say (Npgsql's default is none).</summary>
    internal const int DefaultMaxAutoPrepare = 64;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(WithDefaults(connectionString));

    public override string Name => "postgresql";

    internal override DbConnection CreateConnection(bool write = false) => _dataSource.CreateConnection();

    /// <summary>
    /// A connection outside the pool, for a session advisory lock: closing it ends the session and with it the lock,
    /// however the holder stopped. A pooled connection would keep a lock its holder failed to release (no reset on close).
    /// </summary>
    internal NpgsqlConnection CreateUnpooledConnection() =>
        new(new NpgsqlConnectionStringBuilder(WithDefaults(connectionString)) { Pooling = false }.ConnectionString);

    /// <summary>
    /// Defaults for what the connection string does not set. Auto-prepare on: the list and the look-ups of every
    /// request are a few statement texts run over and over, which PostgreSQL otherwise plans on each call (8 ms for the
    /// search's first read, 0.1 ms prepared). No reset on close: a session never changes session state (no SET, temp
    /// tables or session locks: those live in the store's own connections), and the reset was one more statement
    /// (0.2–0.3 ms) on each of the two connections a request takes from the pool.
    /// </summary>
    internal static string WithDefaults(string connectionString)
    {
        // Npgsql's builder says it "contains" every keyword it knows; the plain one holds only what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    internal override object TimeToDb(DateTimeOffset value) => value.UtcDateTime;

    internal override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    internal override string TextMatch(string parameter) =>
        $"c.id IN (SELECT m.case_id FROM messages m WHERE m.tsv @@ {parameter} AND m.case_id IS NOT NULL)";

    /// <summary>
    /// The words as a literal: <c>plainto_tsquery('russian', 'literal')</c> is immutable, so the planner folds it to one
    /// tsquery and estimates its matches from the statistics. As a parameter it stayed a call in the plan: once Npgsql
    /// had prepared the statement and PostgreSQL switched to its generic plan, it ran again for every row checked (the
    /// newest 204 matches of a common word: 2.3 ms custom, 7–9 ms generic, EXPLAIN ANALYZE), and the generic plan could
    /// not tell a common word (read the primary key backwards) from a rare one (the GIN index). A search text is its own
    /// statement now, prepared once it repeats. <see cref="SearchWords"/> leaves only letters, digits and spaces. The
    /// search is that tsquery expression already (<see cref="SearchQuery"/>, <see cref="ScopedSearch"/>), written as is.
    /// </summary>
    internal override string SearchTerm(string search) => search;

    internal override string MessageMatch(string message, string parameter) =>
        $"{message}.tsv @@ {parameter}";

    // A common word reads the primary key backwards and checks each message; a rare one reads the GIN index and sorts
    // its few matches. The planner picks from the tsvector's statistics. A scoped search has at most its bodies'
    // messages to list, and the GIN index intersects the words with the scope. Its bounds and order are on "id + 0",
    // which no index serves: the generic plan of the prepared statement guesses the id range at 0.5% of the rows, and
    // walked the primary key backwards (1.06 s, checking 1.07M messages) or ANDed the key's range to the GIN bitmap
    // (154 ms), against 4 ms from the GIN index alone (1M cases, EXPLAIN ANALYZE of the generic plan).
    internal override string NewestMatches(string query, string from, string below, string limit, bool scoped = false)
    {
        var id = scoped ? "id + 0" : "id";
        return $"SELECT id FROM messages WHERE tsv @@ {query} AND {id} >= {from} AND {id} < {below} ORDER BY {id} DESC LIMIT {limit}";
    }

    // The GIN bitmap of a scoped search holds all of the scope's matches whatever the window: grouped once, they give
    // the page without a second window or a check of newer matches (body 7's 459 matches of a common word: 2.8 ms
    // grouped, against 2.6 ms of index and heap for each window, EXPLAIN ANALYZE, 1M cases after an ingest).
    internal override bool GroupsScopedMatches => true;

    /// <summary>
    /// SQL for <c>@n</c> rows of new ids, one column per table in <paramref name="tables"/>, from each table's id
    /// sequence. The sequences are looked up once: written inline in nextval's argument, pg_get_serial_sequence ran for
    /// every row (4 ms per 500 ids).
    /// </summary>
    internal static string NextIds(params string[] tables) =>
        $"WITH s AS MATERIALIZED (SELECT {string.Join(", ", tables.Select((t, i) => $"pg_get_serial_sequence('{t}', 'id')::regclass AS s{i}"))}) "
        + $"SELECT {string.Join(", ", tables.Select((_, i) => $"nextval(s.s{i})"))} FROM s, generate_series(1, @n)";

    internal override (string Sql, object? Value) IdIn(string column, string parameter, IReadOnlyList<long> ids) =>
        ($"{column} = ANY({parameter})", ids.ToArray());

    /// <summary>
    /// The words as a <c>plainto_tsquery</c> of a literal, written into the statement (<see cref="SearchTerm"/>): a
    /// search is a tsquery expression, so a scope can be ANDed to it (<see cref="ScopedSearch"/>).
    /// </summary>
    internal override string? SearchQuery(string typed)
    {
        var words = SearchWords.Split(typed);
        return words.Count == 0 ? null : $"plainto_tsquery('russian', '{string.Join(' ', words).Replace("'", "''", StringComparison.Ordinal)}')";
    }

    internal override string ScopedSearch(string search, IReadOnlyList<long> bodies) => SearchScopeSchema.PostgresScoped(search, bodies);
}
