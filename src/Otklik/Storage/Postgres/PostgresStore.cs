using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Otklik.Errors;
using Otklik.Model;
using Otklik.Storage.Sql;

namespace Otklik.Storage.Postgres;

/// <summary>
/// The production store. An import batch is a handful of round trips whatever its size: the keys go by binary COPY
/// into a temporary table to find the ones already stored, then the new cases, messages and events by binary COPY.
/// </summary>
internal sealed partial class PostgresStore : SqlStore
{
    // Any constant works; it only has to be the same for every Otklik process migrating the same database.
    private const long MigrationLockKey = 0x4f746b6c696b;

    // Imports serialize on this lock, one batch at a time (as SQLite's writer lock does): between finding which keys
    // are new and copying them in, no other importer may add the same keys.
    private const long ImportLockKey = 0x4f746b6c696b01;

    private const string KeysTable =
        "CREATE TEMP TABLE IF NOT EXISTS import_keys (channel text, external_id text) ON COMMIT DELETE ROWS";

    private const string CopyKeys = "COPY import_keys (channel, external_id) FROM STDIN (FORMAT BINARY)";

    private const string StoredKeys = """
        SELECT k.channel, k.external_id FROM import_keys k
        JOIN messages m ON m.channel = k.channel AND m.external_id = k.external_id
        """;

    private const string CopyCases = """
        COPY cases (id, topic_group, topic, body_id, status, created_at, updated_at, label_source, first_message_id, first_author_id)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyMessages = """
        COPY messages (id, channel, external_id, url, author_id, text, received_at, posted_at, account_handle,
          reply_to_external_id, geo_lat, geo_lon, address, case_id{0}) FROM STDIN (FORMAT BINARY)
        """;

    // Sets the trigger to add each row's text vector to the scope lexemes the COPY gives (migration 20), only while the
    // trigger is there: with it dropped (a window an older Otklik left open) the rows must go in without a vector,
    // which the window's end fills.
    private static readonly string GiveScope = $"""
        SELECT set_config('{Cases.SearchScopeGivenSchema.Setting}', 'on', true) FROM pg_trigger
        WHERE tgrelid = 'messages'::regclass AND tgname = '{Cases.SearchVectorSchema.Trigger}'
        """;

    private const string CopyEvents = "COPY case_events (id, case_id, at, actor, kind) FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlDataSource _dataSource;

    // The scope lexemes of a new case by its body: a few hundred bodies, a million rows.
    private readonly ConcurrentDictionary<long, NpgsqlTsVector> _scopeVectors = new();

    private PostgresStore(NpgsqlDataSource dataSource, string description, ILogger logger)
        : base(logger)
    {
        _dataSource = dataSource;
        Description = description;
    }

    public override string Description { get; }

    protected override IReadOnlyList<Migration> Migrations => PostgresSchema.Migrations;

    public static async Task<PostgresStore> OpenAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new OtklikException(
                $"The PostgreSQL connection string is not valid: {e.Message}",
                "Write it as Host=…;Port=…;Database=…;Username=…;Password=…",
                e);
        }

        var description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        var store = new PostgresStore(NpgsqlDataSource.Create(builder), description, logger);
        try
        {
            // Before the migrations: they may name an index a crashed bulk load dropped.
            await store.RecoverBulkLoadAsync(cancellationToken).ConfigureAwait(false);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new OtklikException(
                $"Cannot open {description}: {e.Message}",
                "Check that the server is running, the database exists and the user may create tables in it.",
                e);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override object TimeToDb(DateTimeOffset value) => value.UtcDateTime;

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT pg_advisory_xact_lock(@key)", transaction);
        command.Add("@key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override Task BeginWritingAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock_shared({Cases.WriteLocks.Writing})", cancellationToken);

    protected override Task LockBodiesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({Cases.WriteLocks.Bodies})", cancellationToken);

    /// <remarks>
    /// Keys first, then the new rows straight into their tables, all by binary COPY: each message's text crosses the
    /// wire and is written once, where staging the whole row and INSERT … SELECT would write it twice.
    /// </remarks>
    protected override async Task<ImportBatchOutcome> InsertMessagesAsync(
        DbConnection connection,
        DbTransaction transaction,
        ImportBatch batch,
        IReadOnlyDictionary<string, long> bodyIds,
        BatchTurn? turn,
        CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        if (!BulkLoading)
        {
            // Serializes importers so they never collide on a key; a bulk load's parallel writers instead retry a
            // batch that collided (IsWriteConflict), which costs nothing when keys are distinct, as in a big file.
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({ImportLockKey})", cancellationToken).ConfigureAwait(false);
        }


        // An import commits hundreds of batches; waiting for the WAL flush of each would dominate. A crash may lose the
        // last batches committed this way (never corrupt anything), and running the import again restores them.
        await ExecuteAsync(connection, transaction, "SET LOCAL synchronous_commit TO OFF", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, KeysTable, cancellationToken).ConfigureAwait(false);
        bool scopeGiven;
        await using (var give = connection.Command(GiveScope, transaction))
        {
            scopeGiven = await give.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }

        await using (var keys = await npgsql.BeginBinaryImportAsync(CopyKeys, cancellationToken).ConfigureAwait(false))
        {
            foreach (var m in batch.Messages)
            {
                keys.StartRow();
                keys.Write(m.Channel, NpgsqlDbType.Text);
                keys.Write(m.ExternalId, NpgsqlDbType.Text);
            }

            await keys.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var stored = new HashSet<(string, string)>();
        await using (var select = connection.Command(StoredKeys, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var fresh = stored.Count == 0 ? batch.Messages : batch.Messages.Where(m => !stored.Contains((m.Channel, m.ExternalId))).ToList();
        if (fresh.Count == 0)
        {
            return new ImportBatchOutcome(0, batch.Messages.Count);
        }

        // Both ids are handed out here, so the case row names its first message (the ratings' column) as it is written.
        var caseIds = new List<long>(fresh.Count);
        var messageIds = new List<long>(fresh.Count);
        var eventIds = new List<long>(fresh.Count);

        // All three in the batch's turn (BatchTurns): batches written in parallel then number rows as one writer would.
        await using (var ids = connection.Command(
            Cases.PostgresDialect.NextIds("cases", "messages", "case_events"),
            transaction))
        {
            ids.Add("@n", fresh.Count);
            await using var reader = await ids.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                caseIds.Add(reader.GetInt64(0));
                messageIds.Add(reader.GetInt64(1));
                eventIds.Add(reader.GetInt64(2));
            }
        }

        turn?.Leave();
        await CopyCasesAsync(npgsql, batch, fresh, caseIds, messageIds, bodyIds, cancellationToken).ConfigureAwait(false);
        await CopyMessagesAsync(npgsql, fresh, caseIds, messageIds, scopeGiven ? bodyIds : null, cancellationToken).ConfigureAwait(false);
        await using (var events = await npgsql.BeginBinaryImportAsync(CopyEvents, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < caseIds.Count; i++)
            {
                events.StartRow();
                events.Write(eventIds[i], NpgsqlDbType.Bigint);
                events.Write(caseIds[i], NpgsqlDbType.Bigint);
                events.Write(batch.At.UtcDateTime, NpgsqlDbType.TimestampTz);
                events.Write(batch.Actor, NpgsqlDbType.Text);
                events.Write("created", NpgsqlDbType.Text);
            }

            await events.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return new ImportBatchOutcome(fresh.Count, batch.Messages.Count - fresh.Count);
    }

    private static async Task CopyCasesAsync(
        NpgsqlConnection connection,
        ImportBatch batch,
        IReadOnlyList<IncomingMessage> fresh,
        List<long> caseIds,
        List<long> messageIds,
        IReadOnlyDictionary<string, long> bodyIds,
        CancellationToken cancellationToken)
    {
        var status = DbEnum<CaseStatus>.ToDb(CaseStatus.New);
        var at = batch.At.UtcDateTime;
        await using var writer = await connection.BeginBinaryImportAsync(CopyCases, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < fresh.Count; i++)
        {
            var m = fresh[i];
            writer.StartRow();
            writer.Write(caseIds[i], NpgsqlDbType.Bigint);
            WriteText(writer, m.Labels?.TopicGroup);
            WriteText(writer, m.Labels?.Topic);
            if (BodyIdOf(m, bodyIds) is { } bodyId)
            {
                writer.Write(bodyId, NpgsqlDbType.Bigint);
            }
            else
            {
                writer.WriteNull();
            }

            writer.Write(status, NpgsqlDbType.Text);
            writer.Write(at, NpgsqlDbType.TimestampTz);
            writer.Write(at, NpgsqlDbType.TimestampTz);
            WriteText(writer, m.Labels is { IsEmpty: false } ? batch.LabelSource : null);
            writer.Write(messageIds[i], NpgsqlDbType.Bigint);
            WriteText(writer, m.AuthorId);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Copies the batch's messages. With <paramref name="scopeBodyIds"/> (the trigger adds the text's vector, see
    /// <see cref="GiveScope"/>) each row's <c>tsv</c> is its new case's scope lexemes: the body the batch resolved for
    /// it, never an escalation (a new case has none), so the trigger need not look the case up again.
    /// </summary>
    private async Task CopyMessagesAsync(
        NpgsqlConnection connection,
        IReadOnlyList<IncomingMessage> fresh,
        List<long> caseIds,
        List<long> messageIds,
        IReadOnlyDictionary<string, long>? scopeBodyIds,
        CancellationToken cancellationToken)
    {
        var copy = string.Format(CultureInfo.InvariantCulture, CopyMessages, scopeBodyIds is null ? string.Empty : ", tsv");
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < fresh.Count; i++)
        {
            var m = fresh[i];

            // The synchronous writes only fill Npgsql's buffer; it flushes to the socket in large chunks.
            writer.StartRow();
            writer.Write(messageIds[i], NpgsqlDbType.Bigint);
            writer.Write(m.Channel, NpgsqlDbType.Text);
            writer.Write(m.ExternalId, NpgsqlDbType.Text);
            WriteText(writer, m.Url);
            WriteText(writer, m.AuthorId);
            writer.Write(m.Text, NpgsqlDbType.Text);
            writer.Write(m.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            if (m.PostedAt is { } posted)
            {
                writer.Write(posted.UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            else
            {
                writer.WriteNull();
            }

            WriteText(writer, m.AccountHandle);
            WriteText(writer, m.ReplyToExternalId);
            if (m.Geo is { } geo)
            {
                writer.Write(geo.Latitude, NpgsqlDbType.Double);
                writer.Write(geo.Longitude, NpgsqlDbType.Double);
            }
            else
            {
                writer.WriteNull();
                writer.WriteNull();
            }

            WriteText(writer, m.Address);
            writer.Write(caseIds[i], NpgsqlDbType.Bigint);
            if (scopeBodyIds is not null)
            {
                // Asynchronously: Npgsql's tsvector writer refuses to flush a full buffer on the synchronous path.
                await writer.WriteAsync(ScopeVector(BodyIdOf(m, scopeBodyIds)), NpgsqlDbType.TsVector, cancellationToken).ConfigureAwait(false);
            }
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Empty (not null) without a body: the trigger then adds the text's vector to nothing, as message_scope_vector(null, null) would.
    private NpgsqlTsVector ScopeVector(long? body) =>
        body is { } id ? _scopeVectors.GetOrAdd(id, ParseLexeme) : NpgsqlTsVector.Empty;

    // Npgsql marks client-side parsing obsolete because it cannot follow a text search configuration; this parses no
    // text, only one lexeme of our own fixed form ('#b7', quoted), and its only public constructor is this.
#pragma warning disable CS0618
    private static NpgsqlTsVector ParseLexeme(long body) => NpgsqlTsVector.Parse("'" + Cases.SearchScopeSchema.OwnerLexeme(body) + "'");
#pragma warning restore CS0618

    private static void WriteText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }
}
