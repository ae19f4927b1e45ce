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
    /// 30 s command timeout (bench/predictions.sh). By the column the first batch's read takes 41 ms. The min() stays as
    /// the fallback for a case whose column is still null, as in <see cref="LabeledCasesAsync"/>: without it the
    /// classifier passed over such a case.
    /// </remarks>
    /// <summary>
    /// The id of case <c>c</c>'s first message: the column the triggers keep (migration 7), or, where it is still null
    /// (a bulk-load window had the triggers dropped), the lowest id among its messages. COALESCE runs the min() only then.
    /// </summary>
    private const string FirstMessageOfCase = "COALESCE(c.first_message_id, (SELECT min(x.id) FROM messages x WHERE x.case_id = c.id))";

    public Task<List<UnclassifiedCase>> UnclassifiedCasesAsync(long afterId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT c.id, c.topic_group, c.topic, c.body_id, b.name, m.channel, m.text, m.received_at
            FROM cases c
            JOIN messages m ON m.id = {FirstMessageOfCase}
            LEFT JOIN bodies b ON b.id = c.body_id
            WHERE c.id > @after AND c.status = @new AND (c.topic IS NULL OR c.body_id IS NULL)
              AND (c.label_source IS NULL OR c.label_source = 'input') AND m.text IS NOT NULL
            ORDER BY c.id LIMIT @n
            """,
            r => new UnclassifiedCase(r.GetInt64(0), Db.Str(r, 1), Db.Str(r, 2), Db.Long(r, 3), Db.Str(r, 4), r.GetString(5), r.GetString(6), Time(r, 7)),
            cancellationToken, ("after", afterId), ("new", DbEnum<CaseStatus>.ToDb(CaseStatus.New)), ("n", (long)limit));

    /// <summary>
    /// Stores predictions on cases: labels, body (a suggestion unless <see cref="CasePrediction.Assign"/>, which makes the
    /// case <c>assigned</c>), confidence, source and reasons. Writes no event: the caller appends a <c>predicted</c> one per
    /// case in the same transaction (batched with its others), which the audit trail, the analytics rollups and the
    /// ratings cache mark need to see the change; so, on PostgreSQL, only in a transaction that began writing. The search
    /// index's scope tokens follow the body through the <c>cases</c> triggers (migration 18), which fire per row of a
    /// set-based UPDATE as of a single one. Sets the deadlines planned from the case's first message unless it has some
    /// already: an imported case without a topic had none, and one the model assigned would otherwise never fall due for
    /// the SLA monitor.
    /// </summary>
    /// <remarks>
    /// One statement per <see cref="PredictionsPerStatement"/> cases (the classifier gives 500 at a time): until session
    /// 18 it was one UPDATE per case, a round trip each on PostgreSQL (bench/README.md, "Classifier: predictions set-based").
    /// Both dialects pass the rows in a fixed number of parameters (arrays, or one JSON array), whatever their count.
    /// </remarks>
    public async Task SetPredictionsAsync(IReadOnlyList<CasePrediction> predictions, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        RequireWriting();
        for (var start = 0; start < predictions.Count; start += PredictionsPerStatement)
        {
            // In id order: two writers that update the same cases then lock their rows in the same order (PostgreSQL).
            var chunk = predictions.Skip(start).Take(PredictionsPerStatement).OrderBy(p => p.CaseId).ToList();
            if (IsPostgres)
            {
                await using var command = ArrayCommand(
                    """
                    UPDATE cases c SET topic_group = u.tg, topic = u.t, body_id = u.b, status = u.s, label_source = u.ls, confidence = u.conf,
                        reasons = u.r, first_reply_due = COALESCE(c.first_reply_due, u.frd), answer_due = COALESCE(c.answer_due, u.ad), updated_at = @at
                    FROM unnest(@id::bigint[], @tg::text[], @t::text[], @b::bigint[], @s::text[], @ls::text[], @conf::float8[], @r::text[],
                        @frd::timestamptz[], @ad::timestamptz[]) u(id, tg, t, b, s, ls, conf, r, frd, ad)
                    WHERE c.id = u.id
                    """,
                    ("id", Column(chunk, p => p.CaseId)), ("tg", Column(chunk, p => p.TopicGroup)), ("t", Column(chunk, p => p.Topic)),
                    ("b", Column(chunk, p => p.BodyId)), ("s", Column(chunk, p => StatusOf(p))), ("ls", Column(chunk, p => p.LabelSource)),
                    ("conf", Column(chunk, p => p.Confidence)), ("r", Column(chunk, p => string.Join('\n', p.Reasons))),
                    ("frd", Column(chunk, p => p.FirstReplyDue.UtcDateTime)), ("ad", Column(chunk, p => p.AnswerDue.UtcDateTime)),
                    ("at", at.UtcDateTime));
                await command.ExecuteNonQueryAsync(cancellationToken);
                continue;
            }

            await ExecuteAsync(
                """
                UPDATE cases SET topic_group = u.tg, topic = u.t, body_id = u.b, status = u.s, label_source = u.ls, confidence = u.conf,
                    reasons = u.r, first_reply_due = COALESCE(first_reply_due, u.frd), answer_due = COALESCE(answer_due, u.ad), updated_at = @at
                FROM (SELECT value->>0 AS id, value->>1 AS tg, value->>2 AS t, value->>3 AS b, value->>4 AS s, value->>5 AS ls, value->>6 AS conf,
                        value->>7 AS r, value->>8 AS frd, value->>9 AS ad
                      FROM json_each(@rows)) u
                WHERE cases.id = u.id
                """,
                cancellationToken, ("at", T(at)), ("rows", JsonRows.Of(chunk, p => [
                    p.CaseId, p.TopicGroup, p.Topic, p.BodyId, StatusOf(p), p.LabelSource, p.Confidence, string.Join('\n', p.Reasons),
                    T(p.FirstReplyDue), T(p.AnswerDue)])));
        }
    }

    private const int PredictionsPerStatement = 1000;

    private static string StatusOf(CasePrediction prediction) => DbEnum<CaseStatus>.ToDb(prediction.Assign ? CaseStatus.Assigned : CaseStatus.New);

    /// <summary>
    /// Cases whose topic and body a person gave (an input label or an operator's correction, never a model's prediction,
    /// so a model does not learn from itself), with their first message: training data for <c>otklik train --from-db</c>.
    /// </summary>
    /// <remarks>
    /// The first message by <c>cases.first_message_id</c>, as <see cref="UnclassifiedCasesAsync"/> reads it: as the case's
    /// lowest message id, PostgreSQL without statistics (a freshly imported store) took each min() from the primary key
    /// read in order and filtered by case, and at 20,000 labeled cases the read passed the 30 s command timeout; by the
    /// column it takes 0.16 s (bench/labeled.sh, bench/README.md). The min() stays as the fallback for a case whose column
    /// is still null: one a writer inserted before its messages while a bulk-load window had the triggers dropped,
    /// until the window's end fills it (BulkDerivedState). COALESCE evaluates it only for those.
    /// </remarks>
    public Task<List<Ingest.LabeledAppeal>> LabeledCasesAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT c.id, m.text, c.topic, b.name, c.topic_group
            FROM cases c
            JOIN messages m ON m.id = {FirstMessageOfCase}
            JOIN bodies b ON b.id = c.body_id
            WHERE c.topic IS NOT NULL AND c.label_source IN ('input', 'operator') AND m.text IS NOT NULL
            ORDER BY c.id
            """,
            r => new Ingest.LabeledAppeal(r.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), r.GetString(3), Db.Str(r, 4), 0),
            cancellationToken);
}
