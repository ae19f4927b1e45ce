using System.Data.Common;
using System.Globalization;
using System.Text;
using Otklik.Folding;
using Otklik.Model;

using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    internal const string OpenStatuses = "('new', 'assigned', 'in_progress', 'reopened')";

    // The preview is the case's first message, found by the id its triggers keep (RatingColumnsSchema: the lowest id).
    // Looked up as the case's messages ordered by id, PostgreSQL read every message of the case, as its index on case_id
    // is not in id order: 6,531 buffers and 18 ms for the 50 largest cases of a store after an ingest, against 408 and
    // 1.7 ms by the id (EXPLAIN ANALYZE), and a page of mass complaints paid it on every list.
    private const string CaseFields = """
        c.id, c.status, c.topic_group, c.topic, c.body_id, b.name, c.region_code, c.region, c.district, c.city,
        c.created_at, c.updated_at, c.closed_at, c.first_reply_due, c.answer_due, c.first_reply_at, c.answered_at,
        c.escalated_to_body_id, c.message_count, c.confidence, c.label_source, c.reasons,
        c.feedback_fixed, c.feedback_at, c.feedback_comment, c.simulated,
        (SELECT m.text FROM messages m WHERE m.id = c.first_message_id)
        """;

    private const string CaseColumns = CaseFields + " FROM cases c LEFT JOIN bodies b ON b.id = c.body_id";

    public async Task<CaseRecord?> GetCaseAsync(long id, CaseScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync($"SELECT {CaseColumns} WHERE c.id = @id AND {scope.Sql()}", r => ReadCase(r, now), cancellationToken, ("id", id));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Moves a case: status, owner and, when it ends, the closing time. Events are the caller's to write.</summary>
    public Task<int> UpdateCaseAsync(long id, CaseStatus status, long? bodyId, DateTimeOffset at, DateTimeOffset? closedAt, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE cases SET status = @s, body_id = @b, updated_at = @at, closed_at = @closed WHERE id = @id",
            cancellationToken, ("id", id), ("s", DbEnum<CaseStatus>.ToDb(status)), ("b", bodyId), ("at", T(at)), ("closed", T(closedAt)));

    /// <summary>A reopened case owes a new answer: the answer clock restarts and its reminders and feedback reset.</summary>
    public Task<int> RestartAnswerClockAsync(long id, DateTimeOffset answerDue, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE cases SET answered_at = NULL, answer_due = @due, sla_flags = sla_flags & 1, feedback_token_hash = NULL WHERE id = @id",
            cancellationToken, ("id", id), ("due", T(answerDue)));

    /// <summary>Gives deadlines to a case that has none (bulk-imported cases), keeping any it has.</summary>
    public Task<int> SetMissingDeadlinesAsync(long id, DateTimeOffset firstReplyDue, DateTimeOffset answerDue, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE cases SET first_reply_due = COALESCE(first_reply_due, @fr), answer_due = COALESCE(answer_due, @a) WHERE id = @id",
            cancellationToken, ("id", id), ("fr", T(firstReplyDue)), ("a", T(answerDue)));

    public Task<int> MarkFirstReplyAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE cases SET first_reply_at = COALESCE(first_reply_at, @at), updated_at = @at WHERE id = @id",
            cancellationToken, ("id", id), ("at", T(at)));

    /// <summary>A full answer stops both clocks and opens the resident's feedback link (its token stored hashed).</summary>
    public Task<int> MarkAnsweredAsync(long id, DateTimeOffset at, string feedbackTokenHash, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE cases SET answered_at = @at, first_reply_at = COALESCE(first_reply_at, @at), updated_at = @at, feedback_token_hash = @h WHERE id = @id",
            cancellationToken, ("id", id), ("at", T(at)), ("h", feedbackTokenHash));

    public Task<int> SetFeedbackAsync(long id, bool fixedIt, string? comment, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE cases SET feedback_fixed = @f, feedback_comment = @c, feedback_at = @at, feedback_token_hash = NULL WHERE id = @id",
            cancellationToken, ("id", id), ("f", Db.Flag(fixedIt)), ("c", comment), ("at", T(at)));

    public async Task<long?> FindCaseByFeedbackTokenAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        await ScalarAsync("SELECT id FROM cases WHERE feedback_token_hash = @h", cancellationToken, ("h", tokenHash)) is { } id
            ? Convert.ToInt64(id, CultureInfo.InvariantCulture)
            : null;

    public Task<List<(string? TopicGroup, string Topic, long Cases)>> ListTopicsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT topic_group, topic, COUNT(*) FROM cases WHERE topic IS NOT NULL GROUP BY topic_group, topic ORDER BY COUNT(*) DESC, topic",
            r => (Db.Str(r, 0), r.GetString(1), r.GetInt64(2)), cancellationToken);

    private static string Title(string? text)
    {
        var plain = text is null ? string.Empty : RussianText.StripHtml(text.Length > 2000 ? text[..2000] : text);
        return plain.Length <= 140 ? plain : plain[..140];
    }

    private static void Equal(StringBuilder sql, List<(string, object?)> args, string column, object? value, bool nullMeansAny = false)
    {
        if (value is null)
        {
            if (!nullMeansAny)
            {
                sql.Append(" AND ").Append(column).Append(" IS NULL");
            }

            return;
        }

        var name = "p" + args.Count.ToString(CultureInfo.InvariantCulture);
        sql.Append(" AND ").Append(column).Append(" = @").Append(name);
        args.Add((name, value));
    }

    private CaseRecord ReadCase(DbDataReader r, DateTimeOffset now)
    {
        var status = DbEnum<CaseStatus>.Parse(r.GetString(1));
        var firstReplyDue = TimeOrNull(r, 13);
        var answerDue = TimeOrNull(r, 14);
        var firstReplyAt = TimeOrNull(r, 15);
        var answeredAt = TimeOrNull(r, 16);
        var overdue = Otklik.Cases.CaseWorkflow.IsOpen(status)
            && Otklik.Cases.CaseWorkflow.OverdueAt(firstReplyDue, firstReplyAt, answerDue, answeredAt) < now;
        var reasons = Db.Str(r, 21);
        return new CaseRecord(
            r.GetInt64(0), status, Db.Str(r, 2), Db.Str(r, 3), Db.Long(r, 4), Db.Str(r, 5), Db.Str(r, 6), Db.Str(r, 7),
            Db.Str(r, 8), Db.Str(r, 9), Time(r, 10), Time(r, 11), TimeOrNull(r, 12), firstReplyDue, answerDue,
            firstReplyAt, answeredAt, overdue, Db.Long(r, 17), r.GetInt64(18), Db.Double(r, 19), Db.Str(r, 20),
            string.IsNullOrEmpty(reasons) ? [] : reasons.Split('\n'),
            Db.Long(r, 22) is { } f ? f != 0 : null, TimeOrNull(r, 23), Db.Str(r, 24), r.GetInt64(25) != 0, Title(Db.Str(r, 26)));
    }
}
