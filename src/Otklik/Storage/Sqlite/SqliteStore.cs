using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Otklik.Errors;
using Otklik.Model;
using Otklik.Storage.Sql;

namespace Otklik.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer), created on first use.
/// One writer at a time is SQLite's rule; a second importer waits for the first one's batch (busy timeout).
/// </summary>
internal sealed partial class SqliteStore : SqlStore
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private readonly string _connectionString;

    private SqliteStore(string connectionString, string path, ILogger logger)
        : base(logger)
    {
        _connectionString = connectionString;
        Description = path;
    }

    public override string Description { get; }

    protected override IReadOnlyList<Migration> Migrations => SqliteSchema.Migrations;

    public static async Task<SqliteStore> OpenAsync(string database, ILogger logger, CancellationToken cancellationToken)
    {
        var builder = database.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new SqliteConnectionStringBuilder(database)
            : new SqliteConnectionStringBuilder { DataSource = database };
        builder.Pooling = true;
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 60;
        var path = Path.GetFullPath(builder.DataSource);
        try
        {
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var store = new SqliteStore(builder.ToString(), path, logger);
            await using (var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            await using (var wal = connection.Command("PRAGMA journal_mode = WAL"))
            {
                // Persistent: set once per file, every later connection finds the file in WAL mode.
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // Before the migrations: they may name an index a crashed bulk load dropped.
            await store.RecoverBulkLoadAsync(cancellationToken).ConfigureAwait(false);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await using (var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                // Messages a writer committed without indexing them (an older Otklik) become searchable here.
                await SqliteSearchIndex.CatchUpAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            return store;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new OtklikException(
                $"Cannot open the SQLite database {path}: {e.Message}",
                "Check that the folder is writable and the file is a SQLite database, or pass another --db.",
                e);
        }
    }

    public override ValueTask DisposeAsync()
    {
        // Releases the file so tests can delete it; other stores of the same file open new connections.
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        SqliteScopeWords.Register(connection); // migration 24 and the search index's triggers call it
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // A bulk load's sorts spill to temporary files on disk: rebuilding an index of a million cases sorts more than
        // the cache holds, and with temp_store = MEMORY the spill stayed in memory (383 MB peak at 1M messages against
        // the 300 MB goal; with a 64 MB cache and spills on disk still 334 MB, so the cache stays at 32 MB).
        // In a bulk load foreign keys are not enforced per row (each costs index lookups on every insert, and the
        // deferred key of messages.case_id a search of the child index whenever a case is inserted); the window's end
        // checks them all at once (CheckConstraintsAsync). Set on every open: pooled connections outlive the window.
        await using var pragmas = connection.Command(BulkLoading
            ? "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA temp_store = FILE; PRAGMA foreign_keys = OFF"
            : "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON");
        await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    protected override object TimeToDb(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // The transaction began IMMEDIATE: it holds SQLite's single write lock already.

    protected override async Task<ImportBatchOutcome> InsertMessagesAsync(
        DbConnection connection,
        DbTransaction transaction,
        ImportBatch batch,
        IReadOnlyDictionary<string, long> bodyIds,
        BatchTurn? turn,
        CancellationToken cancellationToken)
    {
        // Case ids are handed out here, not by SQLite: the message row must name its case before we know whether the
        // message is new, and the IMMEDIATE transaction makes this the only writer, so max(id) + 1 is ours.
        long nextCaseId;
        await using (var max = connection.Command("SELECT coalesce(max(id), 0) + 1 FROM cases", transaction))
        {
            nextCaseId = (long)(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var at = (string)TimeToDb(batch.At);
        var sqlite = (SqliteConnection)connection;
        using var message = new RawStatement(sqlite, """
            INSERT INTO messages (channel, external_id, url, author_id, text, received_at, posted_at, account_handle,
              reply_to_external_id, geo_lat, geo_lon, address, case_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (channel, external_id) DO NOTHING
            """);
        using var newCase = new RawStatement(sqlite, """
            INSERT INTO cases (id, topic_group, topic, body_id, status, created_at, updated_at, label_source, first_message_id, first_author_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """);
        newCase.Bind(5, DbEnum<CaseStatus>.ToDb(CaseStatus.New));
        newCase.Bind(6, at);
        newCase.Bind(7, at);

        var firstCaseId = nextCaseId;
        int imported = 0, duplicates = 0;
        foreach (var m in batch.Messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            message.Bind(1, m.Channel);
            message.Bind(2, m.ExternalId);
            message.Bind(3, m.Url);
            message.Bind(4, m.AuthorId);
            message.Bind(5, m.Text);
            message.Bind(6, (string)TimeToDb(m.ReceivedAt));
            message.Bind(7, (string?)TimeToDb(m.PostedAt));
            message.Bind(8, m.AccountHandle);
            message.Bind(9, m.ReplyToExternalId);
            message.Bind(10, m.Geo?.Latitude);
            message.Bind(11, m.Geo?.Longitude);
            message.Bind(12, m.Address);
            message.Bind(13, nextCaseId);
            if (message.Execute() == 0)
            {
                duplicates++;
                continue;
            }

            newCase.Bind(1, nextCaseId);
            newCase.Bind(2, m.Labels?.TopicGroup);
            newCase.Bind(3, m.Labels?.Topic);
            newCase.Bind(4, BodyIdOf(m, bodyIds));
            newCase.Bind(8, m.Labels is { IsEmpty: false } ? batch.LabelSource : null);

            // The ratings' first message of the case, written here rather than by its triggers (and a bulk load's recount).
            newCase.Bind(9, message.LastInsertRowId);
            newCase.Bind(10, m.AuthorId);
            newCase.Execute();
            nextCaseId++;
            imported++;
        }

        if (imported > 0)
        {
            // The batch's new cases hold the ids firstCaseId.. contiguously: their "created" events are one statement.
            await using var created = connection.Command(
                """
                INSERT INTO case_events (case_id, at, actor, kind)
                SELECT id, @at, @actor, 'created' FROM cases WHERE id >= @first AND id < @next ORDER BY id
                """,
                transaction);
            created.Add("@at", at);
            created.Add("@actor", batch.Actor);
            created.Add("@first", firstCaseId);
            created.Add("@next", nextCaseId);
            await created.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!BulkLoading)
        {
            // In a bulk load the window's end indexes all loaded messages in one statement.
            await SqliteSearchIndex.CatchUpAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        return new ImportBatchOutcome(imported, duplicates);
    }

}
