using System.Data.Common;
using System.Globalization;
using System.Text;
using Otklik.Errors;
using Otklik.Model;

namespace Otklik.Storage.Sql;

internal abstract partial class SqlStore
{
    private const string CaseColumns =
        "id, topic_group, topic, region_code, region, district, city, body_id, status, first_reply_due, answer_due, "
        + "created_at, updated_at, closed_at, label_source, confidence";

    public async Task<IReadOnlyList<QuarantineEntry>> ListQuarantineAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT id, at, source, line, reason, excerpt FROM quarantine ORDER BY id DESC LIMIT @limit");
        command.Add("@limit", Math.Clamp(limit, 1, 100_000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<QuarantineEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new QuarantineEntry(
                reader.GetInt64(0), ReadTime(reader, 1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.NullableString(5)));
        }

        return entries;
    }

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM cases), (SELECT count(*) FROM bodies), (SELECT count(*) FROM quarantine)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public async Task<CaseStats> GetCaseStatsAsync(int top, CancellationToken cancellationToken)
    {
        var counts = await CountAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var byGroup = await CountByAsync(connection, "SELECT topic_group, count(*) AS n FROM cases GROUP BY topic_group", top, cancellationToken)
            .ConfigureAwait(false);
        var byTopic = await CountByAsync(connection, "SELECT topic, count(*) AS n FROM cases GROUP BY topic", top, cancellationToken)
            .ConfigureAwait(false);
        var byBody = await CountByAsync(
                connection,
                "SELECT b.name, count(*) AS n FROM cases c LEFT JOIN bodies b ON b.id = c.body_id GROUP BY b.id, b.name",
                top,
                cancellationToken)
            .ConfigureAwait(false);
        return new CaseStats(counts.Cases, counts.Messages, byGroup, byTopic, byBody);
    }

    public async Task<Case?> GetCaseAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {CaseColumns} FROM cases WHERE id = @id");
        command.Add("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadCase(reader) : null;
    }

    public async Task<CasePage> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        var sql = new StringBuilder($"SELECT {CaseColumns} FROM cases WHERE 1 = 1");
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(string.Empty);
        if (query.Status is { } status)
        {
            sql.Append(" AND status = @status");
            command.Add("@status", DbEnum<CaseStatus>.ToDb(status));
        }

        if (query.TopicGroup is not null)
        {
            sql.Append(" AND topic_group = @topic_group");
            command.Add("@topic_group", query.TopicGroup);
        }

        if (query.Topic is not null)
        {
            sql.Append(" AND topic = @topic");
            command.Add("@topic", query.Topic);
        }

        if (query.BodyId is { } bodyId)
        {
            sql.Append(" AND body_id = @body_id");
            command.Add("@body_id", bodyId);
        }

        if (query.RegionCode is not null)
        {
            sql.Append(" AND region_code = @region_code");
            command.Add("@region_code", query.RegionCode);
        }

        if (query.Cursor is not null)
        {
            sql.Append(" AND id < @after");
            command.Add("@after", ParseCursor(query.Cursor));
        }

        sql.Append(" ORDER BY id DESC LIMIT @limit");
        command.Add("@limit", limit + 1);
#pragma warning disable CA2100 // Built from constant fragments only; values are parameters.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
        var items = new List<Case>(limit + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ReadCase(reader));
            }
        }

        if (items.Count <= limit)
        {
            return new CasePage(items, null);
        }

        items.RemoveAt(limit);
        return new CasePage(items, items[^1].Id.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<Message>> ListCaseMessagesAsync(long caseId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            SELECT id, channel, external_id, url, author_id, text, received_at, posted_at, account_id, account_handle,
              reply_to_external_id, geo_lat, geo_lon, address, case_id
            FROM messages WHERE case_id = @case ORDER BY id
            """);
        command.Add("@case", caseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<Message>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            GeoPoint? geo = reader.IsDBNull(11) || reader.IsDBNull(12) ? null : new GeoPoint(reader.GetDouble(11), reader.GetDouble(12));
            messages.Add(new Message(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.NullableString(3),
                reader.NullableString(4),
                reader.GetString(5),
                ReadTime(reader, 6),
                ReadNullableTime(reader, 7),
                reader.NullableInt64(8),
                reader.NullableString(9),
                reader.NullableString(10),
                geo,
                reader.NullableString(13),
                reader.NullableInt64(14)));
        }

        return messages;
    }

    public async Task<IReadOnlyList<CaseEvent>> ListCaseEventsAsync(long caseId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT id, case_id, at, actor, kind, before_value, after_value, note FROM case_events WHERE case_id = @case ORDER BY id");
        command.Add("@case", caseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<CaseEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new CaseEvent(
                reader.GetInt64(0), reader.GetInt64(1), ReadTime(reader, 2), reader.GetString(3), reader.GetString(4),
                reader.NullableString(5), reader.NullableString(6), reader.NullableString(7)));
        }

        return events;
    }

    private static long ParseCursor(string cursor) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new OtklikException($"'{cursor}' is not a cursor of the case list.", "Pass the next_cursor of the previous page as it came.");

    private static async Task<IReadOnlyList<CountRow>> CountByAsync(
        DbConnection connection, string groupBy, int top, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(groupBy + " ORDER BY n DESC, 1 LIMIT @top");
        command.Add("@top", Math.Clamp(top, 1, 100_000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<CountRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new CountRow(reader.NullableString(0), reader.GetInt64(1)));
        }

        return rows;
    }

    private Case ReadCase(DbDataReader reader) =>
        new(
            reader.GetInt64(0),
            reader.NullableString(1),
            reader.NullableString(2),
            new Territory(reader.NullableString(3), reader.NullableString(4), reader.NullableString(5), reader.NullableString(6)),
            reader.NullableInt64(7),
            DbEnum<CaseStatus>.Parse(reader.GetString(8)),
            ReadNullableTime(reader, 9),
            ReadNullableTime(reader, 10),
            ReadTime(reader, 11),
            ReadTime(reader, 12),
            ReadNullableTime(reader, 13),
            reader.NullableString(14),
            reader.NullableDouble(15));
}
