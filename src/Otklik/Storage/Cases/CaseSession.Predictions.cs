using Otklik.Model;
using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    /// <summary>
    /// New cases with no topic or no body whose labels came from the input or nowhere (not yet predicted, not corrected by
    /// an operator), after <paramref name="afterId"/>, by id: what classifying an import works through.
    /// </summary>
    /// <remarks>
    /// The first message by <c>cases.first_message_id</c> (kept by triggers since migration 7), not as the case's lowest
    /// message id: PostgreSQL, without statistics yet on a freshly imported store, took that min() from the primary key
    /// read in order and filtered by case, every message per case; at 20,000 cases one batch's read ran past the
    /// 30 s command timeout (bench/predictions.sh). By the column the first batch's read takes 41 ms.
    /// </remarks>
    public Task<List<UnclassifiedCase>> UnclassifiedCasesAsync(long afterId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            """
            SELECT c.id, c.topic_group, c.topic, c.body_id, b.name, m.channel, m.text, m.received_at
            FROM cases c
            JOIN messages m ON m.id = c.first_message_id
            LEFT JOIN bodies b ON b.id = c.body_id
            WHERE c.id > @after AND c.status = @new AND (c.topic IS NULL OR c.body_id IS NULL)
              AND (c.label_source IS NULL OR c.label_source = 'input') AND m.text IS NOT NULL
            ORDER BY c.id LIMIT @n
            """,
            r => new UnclassifiedCase(r.GetInt64(0), Db.Str(r, 1), Db.Str(r, 2), Db.Long(r, 3), Db.Str(r, 4), r.GetString(5), r.GetString(6), Time(r, 7)),
            cancellationToken, ("after", afterId), ("new", DbEnum<CaseStatus>.ToDb(CaseStatus.New)), ("n", (long)limit));

    /// <summary>
    /// Stores a prediction on a case: labels, body (a suggestion unless <paramref name="assign"/>), confidence, source and
    /// reasons. Writes no event: the caller appends a <c>predicted</c> one in the same transaction (batched with its
    /// others), which the audit trail, the analytics rollups and the ratings cache mark need to see the change. The
    /// search index's scope tokens follow the body through the <c>cases</c> triggers (migration 18). Sets the deadlines
    /// planned from the case's first message unless it has some already: an imported case without a topic had none, and
    /// one the model assigned would otherwise never fall due for the SLA monitor.
    /// </summary>
    public Task<int> SetPredictionAsync(
        long id, string? topicGroup, string? topic, long? bodyId, bool assign, string labelSource, double confidence, IReadOnlyList<string> reasons,
        DateTimeOffset firstReplyDue, DateTimeOffset answerDue, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            UPDATE cases SET topic_group = @tg, topic = @t, body_id = @b, status = @s, label_source = @ls, confidence = @conf,
                reasons = @r, first_reply_due = COALESCE(first_reply_due, @frd), answer_due = COALESCE(answer_due, @ad), updated_at = @at
            WHERE id = @id
            """,
            cancellationToken, ("id", id), ("tg", topicGroup), ("t", topic), ("b", bodyId),
            ("s", DbEnum<CaseStatus>.ToDb(assign ? CaseStatus.Assigned : CaseStatus.New)), ("ls", labelSource), ("conf", confidence),
            ("r", string.Join('\n', reasons)), ("frd", T(firstReplyDue)), ("ad", T(answerDue)), ("at", T(at)));

    /// <summary>
    /// Cases whose topic and body a person gave (an input label or an operator's correction, never a model's prediction,
    /// so a model does not learn from itself), with their first message: training data for <c>otklik train --from-db</c>.
    /// </summary>
    public Task<List<Ingest.LabeledAppeal>> LabeledCasesAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            """
            SELECT c.id, m.text, c.topic, b.name, c.topic_group
            FROM cases c
            JOIN messages m ON m.id = (SELECT min(x.id) FROM messages x WHERE x.case_id = c.id)
            JOIN bodies b ON b.id = c.body_id
            WHERE c.topic IS NOT NULL AND c.label_source IN ('input', 'operator') AND m.text IS NOT NULL
            ORDER BY c.id
            """,
            r => new Ingest.LabeledAppeal(r.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), r.GetString(3), Db.Str(r, 4), 0),
            cancellationToken);
}
