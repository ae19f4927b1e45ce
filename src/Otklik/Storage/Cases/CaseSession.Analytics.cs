using System.Globalization;
using System.Text;

namespace Otklik.Storage.Cases;

/// <summary>
/// The analytics rollups: cases per day × topic group × place × body (with answer times) and per day × topic × city
/// (cases and their messages: a mass complaint is one case with many messages, and spikes count the messages).
/// They are derived data, rebuilt from <c>cases</c> at any time, so they live outside the migrations
/// (<c>CREATE … IF NOT EXISTS</c>): dropping them loses nothing. They are kept fresh by re-counting only the creation
/// days of cases created or changed (any new case event) since the last refresh, which the watermarks in
/// <c>analytics_state</c> record. Live numbers (open and overdue now) are read from <c>cases</c> directly.
/// </summary>
public sealed partial class CaseSession
{
    /// <summary>Upper bounds, in hours, of the answer-time histogram; the last bucket is everything above.</summary>
    public static readonly IReadOnlyList<double> AnswerBuckets = [24, 72, 168, 336, 720];

    private const string RollupSchema = """
        CREATE TABLE IF NOT EXISTS analytics_daily (
          day TEXT NOT NULL, topic_group TEXT, region_code TEXT, region TEXT, city TEXT, body_id BIGINT,
          cases BIGINT NOT NULL, answered BIGINT NOT NULL, answered_in_time BIGINT NOT NULL, answer_hours DOUBLE PRECISION NOT NULL,
          h0 BIGINT NOT NULL, h1 BIGINT NOT NULL, h2 BIGINT NOT NULL, h3 BIGINT NOT NULL, h4 BIGINT NOT NULL, h5 BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS analytics_daily_day ON analytics_daily (day);
        CREATE TABLE IF NOT EXISTS analytics_topics (
          day TEXT NOT NULL, topic_group TEXT, topic TEXT, region_code TEXT, region TEXT, city TEXT, body_id BIGINT, cases BIGINT NOT NULL,
          messages BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS analytics_topics_day ON analytics_topics (day);
        CREATE TABLE IF NOT EXISTS analytics_state (id BIGINT PRIMARY KEY, last_case_id BIGINT NOT NULL, last_event_id BIGINT NOT NULL);
        """;

    /// <summary>
    /// Brings the rollups up to date; a no-op (two index lookups) when nothing changed. The first call on a database
    /// counts every case. Returns the number of days re-counted (-1 for a full build). Needs a write session.
    /// </summary>
    public async Task<int> RefreshRollupsAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(RollupSchema, cancellationToken);
        var maxCase = Convert.ToInt64(await ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM cases", cancellationToken) ?? 0L, CultureInfo.InvariantCulture);
        var maxEvent = Convert.ToInt64(await ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM case_events", cancellationToken) ?? 0L, CultureInfo.InvariantCulture);
        var state = await QueryAsync(
            _dialect.Name == "postgresql"
                ? "SELECT last_case_id, last_event_id FROM analytics_state WHERE id = 1 FOR UPDATE"
                : "SELECT last_case_id, last_event_id FROM analytics_state WHERE id = 1",
            r => (Case: r.GetInt64(0), Event: r.GetInt64(1)), cancellationToken);
        int recounted;
        if (state.Count == 0)
        {
            await ExecuteAsync("DELETE FROM analytics_daily", cancellationToken);
            await ExecuteAsync("DELETE FROM analytics_topics", cancellationToken);
            await ExecuteAsync(DailyInsert("1=1"), cancellationToken);
            await ExecuteAsync(TopicsInsert("1=1"), cancellationToken);
            await ExecuteAsync("INSERT INTO analytics_state (id, last_case_id, last_event_id) VALUES (1, @c, @e)", cancellationToken, ("c", maxCase), ("e", maxEvent));
            return -1;
        }

        var (lastCase, lastEvent) = state[0];
        if (maxCase <= lastCase && maxEvent <= lastEvent)
        {
            return 0;
        }

        var day = DayOf("c.created_at");
        var days = await QueryAsync(
            $"""
            SELECT DISTINCT {day} FROM cases c WHERE c.id > @lc AND c.id <= @mc
            UNION SELECT DISTINCT {day} FROM cases c WHERE c.id IN (SELECT e.case_id FROM case_events e WHERE e.id > @le AND e.id <= @me)
            """,
            r => r.GetString(0), cancellationToken, ("lc", lastCase), ("mc", maxCase), ("le", lastEvent), ("me", maxEvent));
        foreach (var d in days)
        {
            var start = DateTimeOffset.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            (string, object?)[] args = [("d", d), ("from", T(start)), ("to", T(start.AddDays(1)))];
            await ExecuteAsync("DELETE FROM analytics_daily WHERE day = @d", cancellationToken, args);
            await ExecuteAsync("DELETE FROM analytics_topics WHERE day = @d", cancellationToken, args);
            await ExecuteAsync(DailyInsert("c.created_at >= @from AND c.created_at < @to"), cancellationToken, args);
            await ExecuteAsync(TopicsInsert("c.created_at >= @from AND c.created_at < @to"), cancellationToken, args);
        }

        recounted = days.Count;
        await ExecuteAsync("UPDATE analytics_state SET last_case_id = @c, last_event_id = @e WHERE id = 1", cancellationToken, ("c", maxCase), ("e", maxEvent));
        return recounted;
    }

    /// <summary>The daily rollup rows of the filter's days (executors: their bodies only).</summary>
    public Task<List<RollupRow>> DailyRollupAsync(RollupFilter filter, CaseScope scope, CancellationToken cancellationToken = default)
    {
        var (where, args) = RollupWhere(filter, scope);
        return QueryAsync(
            $"""
            SELECT day, topic_group, region_code, region, city, body_id, cases, answered, answered_in_time, answer_hours, h0, h1, h2, h3, h4, h5
            FROM analytics_daily WHERE {where}
            """,
            r => new RollupRow(
                r.GetString(0), Db.Str(r, 1), Db.Str(r, 2), Db.Str(r, 3), Db.Str(r, 4), Db.Long(r, 5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetDouble(9),
                [r.GetInt64(10), r.GetInt64(11), r.GetInt64(12), r.GetInt64(13), r.GetInt64(14), r.GetInt64(15)]),
            cancellationToken, [.. args]);
    }

    /// <summary>Cases per day, topic and city over the filter's days.</summary>
    public Task<List<TopicDayRow>> TopicRollupAsync(RollupFilter filter, CaseScope scope, CancellationToken cancellationToken = default)
    {
        var (where, args) = RollupWhere(filter, scope);
        return QueryAsync(
            $"SELECT day, topic_group, topic, city, region, SUM(cases), SUM(messages) FROM analytics_topics WHERE {where} GROUP BY day, topic_group, topic, city, region",
            r => new TopicDayRow(
                r.GetString(0), Db.Str(r, 1), Db.Str(r, 2), Db.Str(r, 3), Db.Str(r, 4),
                Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(6), CultureInfo.InvariantCulture)),
            cancellationToken, [.. args]);
    }

    /// <summary>Open cases by body now, and the overdue among them (either clock missed), with the filter's place and topic group.</summary>
    public Task<List<OpenCasesRow>> OpenCasesByBodyAsync(RollupFilter filter, CaseScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder($"""
            SELECT c.body_id, COUNT(*),
              SUM(CASE WHEN (c.first_reply_at IS NULL AND c.first_reply_due < @now) OR (c.answered_at IS NULL AND c.answer_due < @now) THEN 1 ELSE 0 END)
            FROM cases c WHERE c.status IN {OpenStatuses} AND {scope.Sql()}
            """);
        var args = new List<(string, object?)> { ("now", T(now)) };
        Equal(sql, args, "c.topic_group", filter.TopicGroup, nullMeansAny: true);
        Equal(sql, args, "c.region_code", filter.RegionCode, nullMeansAny: true);
        Equal(sql, args, "c.city", filter.City, nullMeansAny: true);
        Equal(sql, args, "c.body_id", filter.BodyId, nullMeansAny: true);
        sql.Append(" GROUP BY c.body_id");
        return QueryAsync(sql.ToString(),
            r => new OpenCasesRow(Db.Long(r, 0), r.GetInt64(1), Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture)),
            cancellationToken, [.. args]);
    }

    private (string Where, List<(string, object?)> Args) RollupWhere(RollupFilter filter, CaseScope scope)
    {
        var sql = new StringBuilder("day >= @fromDay AND day <= @toDay");
        var args = new List<(string, object?)> { ("fromDay", filter.FromDay), ("toDay", filter.ToDay) };
        Equal(sql, args, "topic_group", filter.TopicGroup, nullMeansAny: true);
        Equal(sql, args, "region_code", filter.RegionCode, nullMeansAny: true);
        Equal(sql, args, "city", filter.City, nullMeansAny: true);
        Equal(sql, args, "body_id", filter.BodyId, nullMeansAny: true);
        if (scope.BodyIds is { } bodies)
        {
            // Ids are longs from our own tables: safe to inline. Escalated cases count for the body that owns them.
            sql.Append(bodies.Count == 0 ? " AND 1=0" : $" AND body_id IN ({string.Join(',', bodies.Select(b => b.ToString(CultureInfo.InvariantCulture)))})");
        }

        return (sql.ToString(), args);
    }

    private string DailyInsert(string where)
    {
        var hours = _dialect.Name == "postgresql"
            ? "EXTRACT(EPOCH FROM (c.answered_at - c.created_at)) / 3600.0"
            : "(julianday(c.answered_at) - julianday(c.created_at)) * 24.0";
        var buckets = new StringBuilder();
        for (var i = 0; i <= AnswerBuckets.Count; i++)
        {
            var low = i == 0 ? null : (double?)AnswerBuckets[i - 1];
            var high = i == AnswerBuckets.Count ? null : (double?)AnswerBuckets[i];
            var condition = "c.answered_at IS NOT NULL"
                + (low is { } l ? $" AND {hours} >= {l.ToString(CultureInfo.InvariantCulture)}" : string.Empty)
                + (high is { } h ? $" AND {hours} < {h.ToString(CultureInfo.InvariantCulture)}" : string.Empty);
            buckets.Append(CultureInfo.InvariantCulture, $", SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)");
        }

        var day = DayOf("c.created_at");
        return $"""
            INSERT INTO analytics_daily (day, topic_group, region_code, region, city, body_id, cases, answered, answered_in_time, answer_hours, h0, h1, h2, h3, h4, h5)
            SELECT {day}, c.topic_group, c.region_code, c.region, c.city, c.body_id, COUNT(*),
              SUM(CASE WHEN c.answered_at IS NOT NULL THEN 1 ELSE 0 END),
              SUM(CASE WHEN c.answered_at IS NOT NULL AND (c.answer_due IS NULL OR c.answered_at <= c.answer_due) THEN 1 ELSE 0 END),
              COALESCE(SUM(CASE WHEN c.answered_at IS NOT NULL THEN {hours} ELSE 0 END), 0){buckets}
            FROM cases c WHERE {where}
            GROUP BY {day}, c.topic_group, c.region_code, c.region, c.city, c.body_id
            """;
    }

    private string TopicsInsert(string where)
    {
        var day = DayOf("c.created_at");
        return $"""
            INSERT INTO analytics_topics (day, topic_group, topic, region_code, region, city, body_id, cases, messages)
            SELECT {day}, c.topic_group, c.topic, c.region_code, c.region, c.city, c.body_id, COUNT(*), SUM(c.message_count)
            FROM cases c WHERE {where}
            GROUP BY {day}, c.topic_group, c.topic, c.region_code, c.region, c.city, c.body_id
            """;
    }

    private string DayOf(string column) => _dialect.Name == "postgresql"
        ? $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        : $"substr({column}, 1, 10)";
}
