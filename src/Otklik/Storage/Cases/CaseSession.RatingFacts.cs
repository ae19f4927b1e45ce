using System.Data.Common;
using System.Globalization;
using Otklik.Model;
using Otklik.Ratings.Input;
using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

public sealed partial class CaseSession
{
    /// <summary>
    /// What the ratings need of the cases created in [from, to) that have a body: times, deadlines, status, whether
    /// reopened or reassigned (from the events), the first author's pseudonym, topic, place, body and its level. No
    /// texts. Rejected cases (spam, not an appeal) are left out. In id order, which is creation order.
    /// </summary>
    private const string RatingFactsSql =
        """
        SELECT c.id, c.body_id, b.name, b.level, c.topic, COALESCE(c.city, c.region),
          (SELECT m.author_id FROM messages m WHERE m.case_id = c.id ORDER BY m.id LIMIT 1),
          c.created_at, c.first_reply_at, c.answered_at, c.closed_at, c.first_reply_due, c.answer_due, c.status, c.updated_at,
          CASE WHEN EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'reopened') THEN 1 ELSE 0 END,
          CASE WHEN EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'reassigned') THEN 1 ELSE 0 END
        FROM cases c JOIN bodies b ON b.id = c.body_id
        WHERE c.status <> 'rejected' AND c.created_at >= @from AND c.created_at < @to
        ORDER BY c.id
        """;

    /// <summary>
    /// The case facts of [<paramref name="from"/>, <paramref name="to"/>) as a list: for small stores (the server's
    /// live ratings). National runs use <see cref="StreamRatingFacts"/>.
    /// </summary>
    public Task<List<CaseFact>> RatingFactsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        QueryAsync(RatingFactsSql, RatingFact, cancellationToken, ("from", T(from)), ("to", T(to)));

    /// <summary>
    /// The same facts as <see cref="RatingFactsAsync"/>, read one row at a time while the caller enumerates: memory
    /// does not grow with the number of cases. Npgsql and SQLite both stream a data reader's rows (PostgreSQL sends
    /// them as the query produces them; Npgsql buffers only its 8 KB read buffer), so no explicit cursor is needed.
    /// The session must stay open until enumeration ends; one enumeration at a time per session.
    /// </summary>
    public IEnumerable<CaseFact> StreamRatingFacts(DateTimeOffset from, DateTimeOffset to)
    {
        using var command = Command(RatingFactsSql, [("from", T(from)), ("to", T(to))]);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return RatingFact(reader);
        }
    }

    private CaseFact RatingFact(DbDataReader r)
    {
        var status = DbEnum<CaseStatus>.Parse(r.GetString(13));
        var level = DbEnum<BodyLevel>.Parse(r.GetString(3));
        return new CaseFact
        {
            CaseId = r.GetInt64(0).ToString(CultureInfo.InvariantCulture),
            BodyId = r.GetInt64(1).ToString(CultureInfo.InvariantCulture),
            BodyName = r.GetString(2),
            Category = level switch { BodyLevel.Federal => "federal", BodyLevel.Regional => "regional", _ => "municipal" },
            Topic = Db.Str(r, 4),
            Place = Db.Str(r, 5),
            Author = Db.Str(r, 6),
            CreatedAt = Time(r, 7),
            FirstReplyAt = TimeOrNull(r, 8),
            FullAnswerAt = TimeOrNull(r, 9),
            ResolvedAt = status == CaseStatus.Closed ? TimeOrNull(r, 10) : null,
            FirstReplyDue = TimeOrNull(r, 11),
            AnswerDue = TimeOrNull(r, 12),
            Status = status,
            LastStatusChangeAt = Time(r, 14),
            Reopened = Convert.ToInt64(r.GetValue(15), CultureInfo.InvariantCulture) != 0,
            Reassigned = Convert.ToInt64(r.GetValue(16), CultureInfo.InvariantCulture) != 0,
        };
    }

    /// <summary>The first and last creation times of cases, or null on an empty store.</summary>
    public async Task<(DateTimeOffset First, DateTimeOffset Last)?> CaseTimeSpanAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("SELECT MIN(created_at), MAX(created_at) FROM cases", r => r.IsDBNull(0) ? ((DateTimeOffset, DateTimeOffset)?)null : (Time(r, 0), Time(r, 1)), cancellationToken);
        return rows[0];
    }

    /// <summary>A number that changes whenever a case is created or changed: the ratings cache's key.</summary>
    public async Task<string> ChangeMarkAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM cases), (SELECT COALESCE(MAX(id), 0) FROM case_events)",
            r => string.Create(CultureInfo.InvariantCulture, $"{r.GetInt64(0)}:{r.GetInt64(1)}"), cancellationToken);
        return rows[0];
    }
}
