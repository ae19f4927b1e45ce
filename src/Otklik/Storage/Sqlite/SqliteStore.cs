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
internal sealed class SqliteStore : SqlStore
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

            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
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
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragmas = connection.Command("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY");
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
        CancellationToken cancellationToken)
    {
        // Case ids are handed out here, not by SQLite: the message row must name its case before we know whether the
        // message is new, and the IMMEDIATE transaction makes this the only writer, so max(id) + 1 is ours.
        long nextCaseId;
        await using (var max = connection.Command("SELECT coalesce(max(id), 0) + 1 FROM cases", transaction))
        {
            nextCaseId = (long)(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var at = TimeToDb(batch.At);
        await using var message = connection.Command(
            """
            INSERT INTO messages (channel, external_id, url, author_id, text, received_at, posted_at, account_handle,
              reply_to_external_id, geo_lat, geo_lon, address, case_id)
            VALUES (@channel, @external_id, @url, @author_id, @text, @received_at, @posted_at, @account_handle,
              @reply_to, @geo_lat, @geo_lon, @address, @case_id)
            ON CONFLICT (channel, external_id) DO NOTHING
            """,
            transaction);
        var channel = message.Add("@channel", null);
        var externalId = message.Add("@external_id", null);
        var url = message.Add("@url", null);
        var authorId = message.Add("@author_id", null);
        var text = message.Add("@text", null);
        var receivedAt = message.Add("@received_at", null);
        var postedAt = message.Add("@posted_at", null);
        var accountHandle = message.Add("@account_handle", null);
        var replyTo = message.Add("@reply_to", null);
        var geoLat = message.Add("@geo_lat", null);
        var geoLon = message.Add("@geo_lon", null);
        var address = message.Add("@address", null);
        var messageCaseId = message.Add("@case_id", null);

        await using var newCase = connection.Command(
            """
            INSERT INTO cases (id, topic_group, topic, body_id, status, created_at, updated_at, label_source)
            VALUES (@id, @topic_group, @topic, @body_id, @status, @at, @at, @label_source)
            """,
            transaction);
        var caseId = newCase.Add("@id", null);
        var topicGroup = newCase.Add("@topic_group", null);
        var topic = newCase.Add("@topic", null);
        var bodyId = newCase.Add("@body_id", null);
        newCase.Add("@status", DbEnum<CaseStatus>.ToDb(CaseStatus.New));
        newCase.Add("@at", at);
        var labelSource = newCase.Add("@label_source", null);

        await using var created = connection.Command(
            "INSERT INTO case_events (case_id, at, actor, kind) VALUES (@case_id, @at, @actor, 'created')", transaction);
        var eventCaseId = created.Add("@case_id", null);
        created.Add("@at", at);
        created.Add("@actor", batch.Actor);

        message.Prepare();
        newCase.Prepare();
        created.Prepare();
        int imported = 0, duplicates = 0;
        foreach (var m in batch.Messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            channel.Value = m.Channel;
            externalId.Value = m.ExternalId;
            url.Value = Db(m.Url);
            authorId.Value = Db(m.AuthorId);
            text.Value = m.Text;
            receivedAt.Value = TimeToDb(m.ReceivedAt);
            postedAt.Value = Db(TimeToDb(m.PostedAt));
            accountHandle.Value = Db(m.AccountHandle);
            replyTo.Value = Db(m.ReplyToExternalId);
            geoLat.Value = m.Geo is { } g1 ? g1.Latitude : DBNull.Value;
            geoLon.Value = m.Geo is { } g2 ? g2.Longitude : DBNull.Value;
            address.Value = Db(m.Address);
            messageCaseId.Value = nextCaseId;

            // Microsoft.Data.Sqlite runs synchronously even through the async API; the sync calls skip the Task wrapping.
            if (message.ExecuteNonQuery() == 0)
            {
                duplicates++;
                continue;
            }

            caseId.Value = nextCaseId;
            topicGroup.Value = Db(m.Labels?.TopicGroup);
            topic.Value = Db(m.Labels?.Topic);
            bodyId.Value = (object?)BodyIdOf(m, bodyIds) ?? DBNull.Value;
            labelSource.Value = m.Labels is { IsEmpty: false } ? batch.LabelSource : DBNull.Value;
            newCase.ExecuteNonQuery();
            eventCaseId.Value = nextCaseId;
            created.ExecuteNonQuery();
            nextCaseId++;
            imported++;
        }

        return new ImportBatchOutcome(imported, duplicates);
    }

    private static object Db(object? value) => value ?? DBNull.Value;
}
