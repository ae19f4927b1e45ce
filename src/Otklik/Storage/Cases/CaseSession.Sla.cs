using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    /// <summary>Open cases with a missed deadline the monitor has not acted on yet.</summary>
    public Task<List<SlaRow>> SlaDueAsync(DateTimeOffset now, TimeSpan escalateAfter, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT c.id, c.body_id, b.parent_id, c.first_reply_due, c.answer_due, c.first_reply_at, c.answered_at, c.sla_flags
            FROM cases c LEFT JOIN bodies b ON b.id = c.body_id
            WHERE c.sla_flags < 7 AND c.status IN {OpenStatuses} AND (
                (c.first_reply_at IS NULL AND c.first_reply_due < @now AND (c.sla_flags & 1) = 0)
                OR (c.answered_at IS NULL AND c.answer_due < @now AND (c.sla_flags & 2) = 0)
                OR (c.answered_at IS NULL AND c.answer_due < @esc AND (c.sla_flags & 4) = 0))
            ORDER BY c.id LIMIT @n
            """,
            r => new SlaRow(r.GetInt64(0), Db.Long(r, 1), Db.Long(r, 2), Time(r, 3), Time(r, 4), TimeOrNull(r, 5),
                TimeOrNull(r, 6), (SlaFlags)r.GetInt64(7)),
            cancellationToken, ("now", T(now)), ("esc", T(now - escalateAfter)), ("n", (long)limit));

    public Task<int> SetSlaFlagsAsync(long caseId, SlaFlags flags, long? escalatedTo, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE cases SET sla_flags = @f, escalated_to_body_id = COALESCE(@e, escalated_to_body_id) WHERE id = @id",
            cancellationToken, ("id", caseId), ("f", (long)flags), ("e", escalatedTo));
}
