using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Otklik.Errors;
using Otklik.Model;
using Otklik.Storage.Sql;

namespace Otklik.Storage.Postgres;

/// <summary>
/// The production store. Imports go through binary COPY into a temporary staging table and one
/// <c>INSERT … ON CONFLICT DO NOTHING</c> that also opens the cases and writes their events, so a batch is a few
/// round trips whatever its size.
/// </summary>
internal sealed class PostgresStore : SqlStore
{
    // Any constant works; it only has to be the same for every Otklik process migrating the same database.
    private const long MigrationLockKey = 0x4f746b6c696b;

    private const string StagingTable = """
        CREATE TEMP TABLE IF NOT EXISTS import_staging (
          channel text, external_id text, url text, author_id text, text text, received_at timestamptz,
          posted_at timestamptz, account_handle text, reply_to_external_id text, geo_lat double precision,
          geo_lon double precision, address text, topic_group text, topic text, body_id bigint, labeled boolean)
        ON COMMIT DELETE ROWS
        """;

    private const string Copy = """
        COPY import_staging (channel, external_id, url, author_id, text, received_at, posted_at, account_handle,
          reply_to_external_id, geo_lat, geo_lon, address, topic_group, topic, body_id, labeled) FROM STDIN (FORMAT BINARY)
        """;

    // The case id is drawn in the message insert (nextval is spent on duplicates too; gaps are harmless), so the
    // cases and events follow from RETURNING without a second look-up.
    private const string Insert = """
        WITH fresh AS (
          INSERT INTO messages (channel, external_id, url, author_id, text, received_at, posted_at, account_handle,
            reply_to_external_id, geo_lat, geo_lon, address, case_id)
          SELECT channel, external_id, url, author_id, text, received_at, posted_at, account_handle,
            reply_to_external_id, geo_lat, geo_lon, address, nextval(pg_get_serial_sequence('cases', 'id'))
          FROM import_staging
          ON CONFLICT (channel, external_id) DO NOTHING
          RETURNING channel, external_id, case_id),
        opened AS (
          INSERT INTO cases (id, topic_group, topic, body_id, status, created_at, updated_at, label_source)
          SELECT f.case_id, s.topic_group, s.topic, s.body_id, @status, @at, @at, CASE WHEN s.labeled THEN @label_source END
          FROM fresh f JOIN import_staging s ON s.channel = f.channel AND s.external_id = f.external_id
          RETURNING id)
        INSERT INTO case_events (case_id, at, actor, kind) SELECT id, @at, @actor, 'created' FROM opened
        """;

    private readonly NpgsqlDataSource _dataSource;

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

    protected override async Task<ImportBatchOutcome> InsertMessagesAsync(
        DbConnection connection,
        DbTransaction transaction,
        ImportBatch batch,
        IReadOnlyDictionary<string, long> bodyIds,
        CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using (var staging = connection.Command(StagingTable, transaction))
        {
            await staging.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var writer = await npgsql.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var m in batch.Messages)
            {
                // The synchronous writes only fill Npgsql's buffer; it flushes to the socket in large chunks.
                writer.StartRow();
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

                writer.Write(m.Labels is { IsEmpty: false }, NpgsqlDbType.Boolean);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = connection.Command(Insert, transaction);
        insert.Add("@status", DbEnum<CaseStatus>.ToDb(CaseStatus.New));
        insert.Add("@at", TimeToDb(batch.At));
        insert.Add("@label_source", batch.LabelSource);
        insert.Add("@actor", batch.Actor);
        var imported = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new ImportBatchOutcome(imported, batch.Messages.Count - imported);
    }

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
