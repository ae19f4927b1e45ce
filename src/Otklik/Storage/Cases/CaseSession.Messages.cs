using System.Data.Common;
using System.Globalization;

using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    private const string MessageColumns = """
        id, channel, external_id, text, received_at, url, author_id, author_raw, posted_at, account_id, reply_to_external_id, geo_lat, geo_lon,
        address, topic_hint, topic_group_hint, body_hint, region_hint, city_hint, simulated, case_id, text_removed_at
        FROM messages
        """;

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken = default) =>
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM messages WHERE case_id IS NULL AND failed_reason IS NULL", cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>The case of each message id given (null while pending).</summary>
    public async Task<Dictionary<long, long?>> CasesOfMessagesAsync(IReadOnlyCollection<long> messageIds, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<long, long?>();
        foreach (var chunk in messageIds.Chunk(500))
        {
            var list = string.Join(',', chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            foreach (var (id, caseId) in await QueryAsync($"SELECT id, case_id FROM messages WHERE id IN ({list})", r => (r.GetInt64(0), Db.Long(r, 1)), cancellationToken))
            {
                result[id] = caseId;
            }
        }

        return result;
    }

    public Task<List<StoredMessage>> MessagesOfCaseAsync(long caseId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {MessageColumns} WHERE case_id = @case ORDER BY id", ReadMessage, cancellationToken, ("case", caseId));

    public async Task<StoredMessage?> GetMessageAsync(long id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {MessageColumns} WHERE id = @id", ReadMessage, cancellationToken, ("id", id))).FirstOrDefault();

    /// <summary>
    /// Retention: removes the texts (and raw authors) of messages whose case was closed before <paramref name="closedBefore"/>.
    /// The case, its counts and times stay, so statistics do not change. Returns the ids of the cases touched.
    /// </summary>
    public async Task<List<long>> RemoveClosedTextsAsync(DateTimeOffset closedBefore, DateTimeOffset at, int limit, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(
            $"""
            SELECT m.id, m.case_id FROM messages m JOIN cases c ON c.id = m.case_id
            WHERE c.status = 'closed' AND c.closed_at < @before AND m.text_removed_at IS NULL
            ORDER BY m.id LIMIT @n
            """,
            r => (Id: r.GetInt64(0), CaseId: r.GetInt64(1)), cancellationToken, ("before", T(closedBefore)), ("n", (long)limit));
        foreach (var row in rows)
        {
            await ExecuteAsync("UPDATE messages SET text = '', author_raw = NULL, text_removed_at = @at WHERE id = @id",
                cancellationToken, ("id", row.Id), ("at", T(at)));
        }

        return rows.Select(r => r.CaseId).Distinct().ToList();
    }

    private StoredMessage ReadMessage(DbDataReader r) => new(
        r.GetInt64(0),
        new NewMessage(
            r.GetString(1), r.GetString(2), r.GetString(3), Time(r, 4), Db.Str(r, 5), Db.Str(r, 6), Db.Str(r, 7),
            TimeOrNull(r, 8), Db.Long(r, 9), Db.Str(r, 10), Db.Double(r, 11), Db.Double(r, 12), Db.Str(r, 13),
            Db.Str(r, 14), Db.Str(r, 15), Db.Str(r, 16), Db.Str(r, 17), Db.Str(r, 18), r.GetInt64(19) != 0),
        Db.Long(r, 20),
        !r.IsDBNull(21));
}
