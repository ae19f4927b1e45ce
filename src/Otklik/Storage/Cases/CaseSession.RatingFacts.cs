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
    /// reopened or reassigned, the first author's pseudonym, topic, place and body. No texts. Rejected cases (spam, not
    /// an appeal) are left out. In id order, which is creation order.
    /// </summary>
    /// <remarks>
    /// One scan of <c>cases</c> and nothing else: the first author and the event counts are kept on the case row
    /// (<see cref="RatingColumnsSchema"/>), and the bodies' names and levels are read once, beforehand, instead of being
    /// joined into ten million rows.
    /// </remarks>
    private const string RatingFactsSql =
        """
        SELECT c.id, c.body_id, c.topic, COALESCE(c.city, c.region), c.first_author_id,
          c.created_at, c.first_reply_at, c.answered_at, c.closed_at, c.first_reply_due, c.answer_due, c.status, c.updated_at,
          c.reopened_count, c.reassigned_count
        FROM cases c
        WHERE c.body_id IS NOT NULL AND c.status <> 'rejected' AND c.created_at >= @from AND c.created_at < @to
        ORDER BY c.id
        """;

    /// <summary>
    /// The case facts of [<paramref name="from"/>, <paramref name="to"/>), read one row at a time while the caller
    /// enumerates: memory does not grow with the number of cases. Npgsql and SQLite both stream a data reader's rows
    /// (PostgreSQL sends them as the query produces them; Npgsql buffers only its 8 KB read buffer), so no explicit
    /// cursor is needed. The session must stay open until enumeration ends; one enumeration at a time per session.
    /// </summary>
    public IEnumerable<CaseFact> StreamRatingFacts(DateTimeOffset from, DateTimeOffset to)
    {
        var bodies = new Dictionary<long, (string Id, string Name, string Category)>();
        // One string per body, shared by all its facts: the engine keys on them ten million times.
        using (var command = Command("SELECT id, name, level FROM bodies", []))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                var level = DbEnum<BodyLevel>.Parse(reader.GetString(2));
                bodies[id] = (
                    id.ToString(CultureInfo.InvariantCulture),
                    reader.GetString(1),
                    level switch { BodyLevel.Federal => "federal", BodyLevel.Regional => "regional", _ => "municipal" });
            }
        }

        // SQLite would take the created_at index for the period and then sort all of it by id in a temporary B-tree
        // (ten million rows in memory for a national quarter); its rowid order is the id order, so a plain scan of the
        // table streams with no sort. PostgreSQL chooses by its statistics (the primary key's order, filtered).
        var sql = _dialect is SqliteDialect ? RatingFactsSql.Replace("FROM cases c", "FROM cases c NOT INDEXED", StringComparison.Ordinal) : RatingFactsSql;
        using var facts = Command(sql, [("from", T(from)), ("to", T(to))]);
        using var rows = facts.ExecuteReader();
        while (rows.Read())
        {
            yield return RatingFact(rows, bodies);
        }
    }

    private CaseFact RatingFact(DbDataReader r, Dictionary<long, (string Id, string Name, string Category)> bodies)
    {
        var status = DbEnum<CaseStatus>.Parse(r.GetString(11));
        var body = bodies[r.GetInt64(1)];
        return new CaseFact
        {
            CaseId = r.GetInt64(0).ToString(CultureInfo.InvariantCulture),
            BodyId = body.Id,
            BodyName = body.Name,
            Category = body.Category,
            Topic = Db.Str(r, 2),
            Place = Db.Str(r, 3),
            Author = Db.Str(r, 4),
            CreatedAt = Time(r, 5),
            FirstReplyAt = TimeOrNull(r, 6),
            FullAnswerAt = TimeOrNull(r, 7),
            ResolvedAt = status == CaseStatus.Closed ? TimeOrNull(r, 8) : null,
            FirstReplyDue = TimeOrNull(r, 9),
            AnswerDue = TimeOrNull(r, 10),
            Status = status,
            LastStatusChangeAt = Time(r, 12),
            Reopened = r.GetInt64(13) != 0,
            Reassigned = r.GetInt64(14) != 0,
        };
    }

    /// <summary>The first and last creation times of cases, or null on an empty store.</summary>
    public async Task<(DateTimeOffset First, DateTimeOffset Last)?> CaseTimeSpanAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("SELECT MIN(created_at), MAX(created_at) FROM cases", r => r.IsDBNull(0) ? ((DateTimeOffset, DateTimeOffset)?)null : (Time(r, 0), Time(r, 1)), cancellationToken);
        return rows[0];
    }

    /// <summary>
    /// A mark that changes whenever a case is created or changed (its events): the ratings cache's key. PostgreSQL: settled
    /// when no writing transaction holds <see cref="WriteLocks.Writing"/> at the read; it never waits for one (a public
    /// page must not queue behind ingest, nor make ingest queue behind it).
    /// </summary>
    public async Task<ChangeMark> ChangeMarkAsync(CancellationToken cancellationToken = default)
    {
        const string maxes = "(SELECT COALESCE(MAX(id), 0) FROM cases), (SELECT COALESCE(MAX(id), 0) FROM case_events)";
        if (!IsPostgres)
        {
            // One writer, committing its ids in order: every id below the highest is committed.
            return (await QueryAsync($"SELECT {maxes}", r => new ChangeMark(Mark(r), true), cancellationToken))[0];
        }

        // The statement's snapshot is taken before the lock: a writer that committed in between has its ids committed
        // (all a settled mark promises), and one still running holds the lock shared, so the mark is not settled.
        var mark = (await QueryAsync($"SELECT {maxes}, pg_try_advisory_lock({WriteLocks.Writing})", r => new ChangeMark(Mark(r), r.GetBoolean(2)), cancellationToken))[0];
        if (mark.Settled)
        {
            await ExecuteAsync($"SELECT pg_advisory_unlock({WriteLocks.Writing})", CancellationToken.None);
        }

        return mark;

        static string Mark(System.Data.Common.DbDataReader r) =>
            string.Create(CultureInfo.InvariantCulture, $"{Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)}:{Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)}");
    }
}
