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

    // Both rollups are clustered by (day, seq): a period is one contiguous range of the table, read without a
    // second lookup per row (SQLite: WITHOUT ROWID; PostgreSQL: the primary key's index).
    private const string RollupColumns = """
          day TEXT NOT NULL, seq BIGINT NOT NULL, topic_group TEXT, region_code TEXT, region TEXT, city TEXT, body_id BIGINT,
          cases BIGINT NOT NULL, answered BIGINT NOT NULL, answered_in_time BIGINT NOT NULL, answer_hours DOUBLE PRECISION NOT NULL,
          h0 BIGINT NOT NULL, h1 BIGINT NOT NULL, h2 BIGINT NOT NULL, h3 BIGINT NOT NULL, h4 BIGINT NOT NULL, h5 BIGINT NOT NULL,
          PRIMARY KEY (day, seq))
        """;

    private const string TopicColumns = """
          day TEXT NOT NULL, seq BIGINT NOT NULL, topic_group TEXT, topic TEXT, region_code TEXT, region TEXT, city TEXT, body_id BIGINT,
          cases BIGINT NOT NULL, messages BIGINT NOT NULL, PRIMARY KEY (day, seq))
        """;

    private string RollupSchema
    {
        get
        {
            var clustered = _dialect.Name == "postgresql" ? string.Empty : " WITHOUT ROWID";
            return $"""
                CREATE TABLE IF NOT EXISTS analytics_daily ({RollupColumns}{clustered};
                CREATE TABLE IF NOT EXISTS analytics_weekly ({RollupColumns}{clustered};
                CREATE TABLE IF NOT EXISTS analytics_topics ({TopicColumns}{clustered};
                CREATE TABLE IF NOT EXISTS analytics_state (id BIGINT PRIMARY KEY, last_case_id BIGINT NOT NULL, last_event_id BIGINT NOT NULL);
                """;
        }
    }

    /// <summary>
    /// Brings the rollups up to date; a no-op (two index lookups) when nothing changed. Returns the number of days
    /// re-counted, or -1 when the rollups were never built (then: <see cref="RollupPlanAsync"/>, <see cref="BuildRollupWeeksAsync"/>
    /// per chunk, <see cref="SaveRollupStateAsync"/>). Needs a write session.
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
            // Never built: the caller builds in chunks (BuildRollupWeeksAsync), one transaction each, so a first build
            // over millions of cases never holds the write lock for long.
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

        foreach (var week in days.Select(WeekStart).Distinct(StringComparer.Ordinal))
        {
            var monday = DateOnly.ParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            (string, object?)[] args = [("w", week), ("sunday", monday.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
            await ExecuteAsync("DELETE FROM analytics_weekly WHERE day = @w", cancellationToken, args);
            await ExecuteAsync(WeeklyInsert("day >= @w AND day <= @sunday"), cancellationToken, args);
        }

        recounted = days.Count;
        await ExecuteAsync("UPDATE analytics_state SET last_case_id = @c, last_event_id = @e WHERE id = 1", cancellationToken, ("c", maxCase), ("e", maxEvent));
        return recounted;
    }

    /// <summary>The watermarks to save after a full build (read before it starts) and the days the cases span.</summary>
    public async Task<(long MaxCase, long MaxEvent, string? FirstDay, string? LastDay)> RollupPlanAsync(CancellationToken cancellationToken = default)
    {
        var day = DayOf("c.created_at");
        var rows = await QueryAsync(
            $"""
            SELECT (SELECT COALESCE(MAX(id), 0) FROM cases), (SELECT COALESCE(MAX(id), 0) FROM case_events),
              (SELECT {day} FROM cases c ORDER BY c.created_at LIMIT 1), (SELECT {day} FROM cases c ORDER BY c.created_at DESC LIMIT 1)
            """,
            r => (L(r, 0), L(r, 1), Db.Str(r, 2), Db.Str(r, 3)), cancellationToken);
        return rows[0];
    }

    /// <summary>Counts the cases created in the whole weeks [<paramref name="fromMonday"/>, <paramref name="toMonday"/>) into all rollups.</summary>
    public async Task BuildRollupWeeksAsync(DateOnly fromMonday, DateOnly toMonday, CancellationToken cancellationToken = default)
    {
        (string, object?)[] args =
        [
            ("fromDay", fromMonday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("toDay", toMonday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("from", T(new DateTimeOffset(fromMonday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))),
            ("to", T(new DateTimeOffset(toMonday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))),
        ];
        foreach (var table in new[] { "analytics_daily", "analytics_weekly", "analytics_topics" })
        {
            await ExecuteAsync($"DELETE FROM {table} WHERE day >= @fromDay AND day < @toDay", cancellationToken, args);
        }

        await ExecuteAsync(DailyInsert("c.created_at >= @from AND c.created_at < @to"), cancellationToken, args);
        await ExecuteAsync(TopicsInsert("c.created_at >= @from AND c.created_at < @to"), cancellationToken, args);
        await ExecuteAsync(WeeklyInsert("day >= @fromDay AND day < @toDay"), cancellationToken, args);
    }

    /// <summary>Records that the rollups count everything up to these watermarks (the end of a full build).</summary>
    public Task<int> SaveRollupStateAsync(long maxCase, long maxEvent, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "DELETE FROM analytics_state WHERE id = 1; INSERT INTO analytics_state (id, last_case_id, last_event_id) VALUES (1, @c, @e)",
            cancellationToken, ("c", maxCase), ("e", maxEvent));

    /// <summary>
    /// True when the rollups exist and no case was created or changed since their last refresh: a reader can skip the
    /// write transaction of <see cref="RefreshRollupsAsync"/> (and so never queue behind the SLA pass for it).
    /// Call only once the rollup tables exist.
    /// </summary>
    public async Task<bool> RollupsFreshAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(
            """
            SELECT CASE WHEN s.last_case_id >= (SELECT COALESCE(MAX(id), 0) FROM cases)
              AND s.last_event_id >= (SELECT COALESCE(MAX(id), 0) FROM case_events) THEN 1 ELSE 0 END
            FROM analytics_state s WHERE s.id = 1
            """,
            r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture) == 1, cancellationToken);
        return rows.Count == 1 && rows[0];
    }

    /// <summary>
    /// Sums of the daily rollup over the filter's days (executors: their bodies only), grouped by the given columns
    /// (any of <c>day, topic_group, region_code, region, city, body_id</c>; none gives one total row). Columns not
    /// grouped by come back null (day: empty). The sums are done in SQL, so a few hundred rows at most leave the database.
    /// </summary>
    public Task<List<RollupRow>> DailyRollupAsync(RollupFilter filter, CaseScope scope, IReadOnlyList<string> groupBy, CancellationToken cancellationToken = default) =>
        RollupAsync("analytics_daily", filter, scope, groupBy, cancellationToken);

    /// <summary>
    /// As <see cref="DailyRollupAsync"/> over the weekly rollup (7 times fewer rows, for long periods): <c>day</c> is the
    /// Monday of each week, and a week counts whole when its Monday is within the filter's days.
    /// </summary>
    public Task<List<RollupRow>> WeeklyRollupAsync(RollupFilter filter, CaseScope scope, IReadOnlyList<string> groupBy, CancellationToken cancellationToken = default) =>
        RollupAsync("analytics_weekly", filter, scope, groupBy, cancellationToken);

    /// <summary>The Monday (UTC) of the week of a 'YYYY-MM-DD' day.</summary>
    public static string WeekStart(string day)
    {
        var d = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return d.AddDays(-(((int)d.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private Task<List<RollupRow>> RollupAsync(string table, RollupFilter filter, CaseScope scope, IReadOnlyList<string> groupBy, CancellationToken cancellationToken)
    {
        string[] columns = ["day", "topic_group", "region_code", "region", "city", "body_id"];
        var unknown = groupBy.FirstOrDefault(g => !columns.Contains(g, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException($"cannot group the rollup by '{unknown}'", nameof(groupBy));
        }

        var select = string.Join(", ", columns.Select(c => groupBy.Contains(c, StringComparer.Ordinal) ? c : c == "day" ? "''" : "NULL"));
        var (where, args) = RollupWhere(filter, scope);
        var group = groupBy.Count == 0 ? string.Empty : " GROUP BY " + string.Join(", ", groupBy);
        return QueryAsync(
            $"""
            SELECT {select}, COALESCE(SUM(cases), 0), COALESCE(SUM(answered), 0), COALESCE(SUM(answered_in_time), 0), COALESCE(SUM(answer_hours), 0),
              COALESCE(SUM(h0), 0), COALESCE(SUM(h1), 0), COALESCE(SUM(h2), 0), COALESCE(SUM(h3), 0), COALESCE(SUM(h4), 0), COALESCE(SUM(h5), 0)
            FROM {table} WHERE {where}{group}
            """,
            r => new RollupRow(
                r.GetString(0), Db.Str(r, 1), Db.Str(r, 2), Db.Str(r, 3), Db.Str(r, 4), r.IsDBNull(5) ? null : Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture),
                L(r, 6), L(r, 7), L(r, 8), Convert.ToDouble(r.GetValue(9), CultureInfo.InvariantCulture),
                [L(r, 10), L(r, 11), L(r, 12), L(r, 13), L(r, 14), L(r, 15)]),
            cancellationToken, [.. args]);
    }

    /// <summary>
    /// Messages per topic (and, with <paramref name="byCity"/>, per city) over the filter's days, split into those from
    /// <paramref name="splitDay"/> on (<see cref="TopicWeeksRow.Recent"/>) and those before it.
    /// </summary>
    public Task<List<TopicWeeksRow>> TopicWeeksAsync(RollupFilter filter, CaseScope scope, string splitDay, bool byCity, CancellationToken cancellationToken = default)
    {
        var (where, args) = RollupWhere(filter, scope);
        args.Add(("split", splitDay));
        var place = byCity ? "city, region" : "NULL, NULL";
        var group = byCity ? "topic, topic_group, city, region" : "topic, topic_group";
        return QueryAsync(
            $"""
            SELECT topic, topic_group, {place}, SUM(CASE WHEN day >= @split THEN messages ELSE 0 END), SUM(CASE WHEN day < @split THEN messages ELSE 0 END)
            FROM analytics_topics WHERE {where} AND topic IS NOT NULL GROUP BY {group}
            """,
            r => new TopicWeeksRow(r.GetString(0), Db.Str(r, 1), Db.Str(r, 2), Db.Str(r, 3), L(r, 4), L(r, 5)),
            cancellationToken, [.. args]);
    }

    private static long L(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>
    /// Open cases by body now, and the overdue among them (either clock missed), with the filter's place and topic group.
    /// The open count is a sum over <c>open_case_counts</c>; the overdue count is the open cases with a running clock
    /// minus those whose deadline is still ahead, which are recent cases, counted live through their index.
    /// </summary>
    public async Task<List<OpenCasesRow>> OpenCasesByBodyAsync(RollupFilter filter, CaseScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var where = new StringBuilder(scope.Sql());
        var args = new List<(string, object?)> { ("now", T(now)) };
        Equal(where, args, "c.topic_group", filter.TopicGroup, nullMeansAny: true);
        Equal(where, args, "c.region_code", filter.RegionCode, nullMeansAny: true);
        Equal(where, args, "c.city", filter.City, nullMeansAny: true);
        Equal(where, args, "c.body_id", filter.BodyId, nullMeansAny: true);
        var counted = await QueryAsync(
            $"""
            SELECT c.body_id, COALESCE(SUM(c.cases), 0), COALESCE(SUM(CASE WHEN c.clock = 1 THEN c.cases ELSE 0 END), 0)
            FROM open_case_counts c WHERE {where} GROUP BY c.body_id
            """,
            r => (Body: Db.Long(r, 0), Open: L(r, 1), Clocked: L(r, 2)), cancellationToken, [.. args]);
        // SQLite cannot estimate a range over an expression index and would rather scan every open case in body
        // order; it is told which index to use (and fails loudly if it cannot).
        var index = _dialect.Name == "sqlite" ? " INDEXED BY cases_open_overdue_at" : string.Empty;
        var ahead = (await QueryAsync(
            $"SELECT c.body_id, COUNT(*) FROM cases c{index} WHERE c.{ReadSchema.Open} AND {ReadSchema.OverdueAt} >= @now AND {where} GROUP BY c.body_id",
            r => (Body: Db.Long(r, 0), Cases: L(r, 1)), cancellationToken, [.. args]))
            .ToDictionary(r => r.Body ?? 0, r => r.Cases);
        return counted.Where(r => r.Open != 0)
            .Select(r => new OpenCasesRow(r.Body, r.Open, r.Clocked - ahead.GetValueOrDefault(r.Body ?? 0)))
            .ToList();
    }

    /// <summary>
    /// Folds the rows the triggers appended to <c>open_case_counts</c> into one per key when there are more than
    /// <paramref name="atMost"/>; returns the rows left, or null when there were not more. Needs a write session.
    /// </summary>
    public async Task<long?> CompactOpenCountsAsync(long atMost, CancellationToken cancellationToken = default)
    {
        var rows = L2(await ScalarAsync("SELECT COUNT(*) FROM open_case_counts", cancellationToken));
        if (rows <= atMost)
        {
            return null;
        }

        const string Keys = "body_id, escalated_to_body_id, topic_group, region_code, city, clock";
        var max = L2(await ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM open_case_counts", cancellationToken));
        if (_dialect.Name == "postgresql")
        {
            // One statement: exactly the rows deleted are summed, even while other writers append.
            await ExecuteAsync(
                $"""
                WITH moved AS (DELETE FROM open_case_counts WHERE id <= @max RETURNING {Keys}, cases)
                INSERT INTO open_case_counts ({Keys}, cases) SELECT {Keys}, SUM(cases) FROM moved GROUP BY {Keys} HAVING SUM(cases) <> 0
                """,
                cancellationToken, ("max", max));
        }
        else
        {
            // SQLite has one writer, so the two statements see the same rows.
            await ExecuteAsync(
                $"INSERT INTO open_case_counts ({Keys}, cases) SELECT {Keys}, SUM(cases) FROM open_case_counts WHERE id <= @max GROUP BY {Keys} HAVING SUM(cases) <> 0",
                cancellationToken, ("max", max));
            await ExecuteAsync("DELETE FROM open_case_counts WHERE id <= @max", cancellationToken, ("max", max));
        }

        return L2(await ScalarAsync("SELECT COUNT(*) FROM open_case_counts", cancellationToken));
    }

    private static long L2(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

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
            INSERT INTO analytics_daily (day, seq, topic_group, region_code, region, city, body_id, cases, answered, answered_in_time, answer_hours, h0, h1, h2, h3, h4, h5)
            SELECT {day}, ROW_NUMBER() OVER (PARTITION BY {day}), c.topic_group, c.region_code, c.region, c.city, c.body_id, COUNT(*),
              SUM(CASE WHEN c.answered_at IS NOT NULL THEN 1 ELSE 0 END),
              SUM(CASE WHEN c.answered_at IS NOT NULL AND (c.answer_due IS NULL OR c.answered_at <= c.answer_due) THEN 1 ELSE 0 END),
              COALESCE(SUM(CASE WHEN c.answered_at IS NOT NULL THEN {hours} ELSE 0 END), 0){buckets}
            FROM cases c WHERE {where}
            GROUP BY {day}, c.topic_group, c.region_code, c.region, c.city, c.body_id
            """;
    }

    private string WeeklyInsert(string where)
    {
        var week = _dialect.Name == "postgresql"
            ? "to_char(date_trunc('week', day::date), 'YYYY-MM-DD')"
            : "date(day, '-6 days', 'weekday 1')";
        return $"""
            INSERT INTO analytics_weekly (day, seq, topic_group, region_code, region, city, body_id, cases, answered, answered_in_time, answer_hours, h0, h1, h2, h3, h4, h5)
            SELECT {week}, ROW_NUMBER() OVER (PARTITION BY {week}), topic_group, region_code, region, city, body_id,
              SUM(cases), SUM(answered), SUM(answered_in_time), SUM(answer_hours), SUM(h0), SUM(h1), SUM(h2), SUM(h3), SUM(h4), SUM(h5)
            FROM analytics_daily WHERE {where}
            GROUP BY {week}, topic_group, region_code, region, city, body_id
            """;
    }

    private string TopicsInsert(string where)
    {
        var day = DayOf("c.created_at");
        return $"""
            INSERT INTO analytics_topics (day, seq, topic_group, topic, region_code, region, city, body_id, cases, messages)
            SELECT {day}, ROW_NUMBER() OVER (PARTITION BY {day}), c.topic_group, c.topic, c.region_code, c.region, c.city, c.body_id, COUNT(*), SUM(c.message_count)
            FROM cases c WHERE {where}
            GROUP BY {day}, c.topic_group, c.topic, c.region_code, c.region, c.city, c.body_id
            """;
    }

    private string DayOf(string column) => _dialect.Name == "postgresql"
        ? $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        : $"substr({column}, 1, 10)";
}
