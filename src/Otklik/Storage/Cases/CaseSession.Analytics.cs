using System.Globalization;
using System.Text;

namespace Otklik.Storage.Cases;

/// <summary>
/// The analytics rollups: cases per day × topic group × place × body (with answer times) and per day × topic × place ×
/// body (cases and their messages: a mass complaint is one case with many messages, and spikes count the messages),
/// each also per week and as smaller cubes without the body or without the place (<see cref="Cubes"/>), so a read
/// touches rows in proportion to what it groups and filters by, not to the cases. They are derived data, rebuilt from
/// <c>cases</c> at any time, so they live outside the migrations (<c>CREATE … IF NOT EXISTS</c>; a migration that
/// changes them drops them, and the next read rebuilds). They are kept fresh by re-counting only the creation days of
/// cases created or changed (any new case event) since the last refresh, which the watermarks in
/// <c>analytics_state</c> record. Live numbers (open and overdue now) are read from <c>cases</c> directly.
/// </summary>
public sealed partial class CaseSession
{
    /// <summary>Upper bounds, in hours, of the answer-time histogram; the last bucket is everything above.</summary>
    public static readonly IReadOnlyList<double> AnswerBuckets = [24, 72, 168, 336, 720];

    private static readonly (string, string)[] CaseMeasures =
    [
        ("cases", "SUM(cases)"), ("answered", "SUM(answered)"), ("answered_in_time", "SUM(answered_in_time)"), ("answer_hours", "SUM(answer_hours)"),
        ("h0", "SUM(h0)"), ("h1", "SUM(h1)"), ("h2", "SUM(h2)"), ("h3", "SUM(h3)"), ("h4", "SUM(h4)"), ("h5", "SUM(h5)"),
    ];

    // A topic's group in the place cube is the least of its groups: a topic belongs to one group in the routing table,
    // and a read that filters by group uses the full cube instead.
    private static readonly (string, string)[] TopicMeasures = [("cases", "SUM(cases)"), ("messages", "SUM(messages)")];

    private static readonly string[] PlaceKeys = ["topic_group", "region_code", "region", "city"];

    /// <summary>
    /// The daily cubes of case counts, smallest first (a read takes the first that has its columns):
    /// <c>analytics_daily</c> is counted from the cases, the others from it. A body works in one region and mostly in
    /// a few cities, so the bodies cube keeps the place at little cost and serves the bodies table under a place filter.
    /// </summary>
    internal static readonly RollupCube[] Cubes =
    [
        new("analytics_daily_places", "analytics_daily", PlaceKeys, CaseMeasures),
        new("analytics_daily_bodies", "analytics_daily", ["region_code", "region", "city", "body_id"], CaseMeasures),
        new("analytics_daily", null, [.. PlaceKeys, "body_id"], CaseMeasures),
    ];

    /// <summary>The daily topic cubes: <c>analytics_topics</c> is counted from the cases.</summary>
    internal static readonly RollupCube[] TopicCubes =
    [
        new("analytics_topics", null, ["topic_group", "topic", "region_code", "region", "city", "body_id"], TopicMeasures),
        new("analytics_topic_places", "analytics_topics", ["topic", "region_code", "region", "city"], [("topic_group", "MIN(topic_group)"), .. TopicMeasures]),
    ];

    // Which daily cubes also have a weekly twin (the day column then holds the week's Monday), and under what name.
    private static string Weekly(string daily) => daily == "analytics_daily" ? "analytics_weekly" : daily + "_weekly";

    private static readonly string[] WithWeeks = ["analytics_daily", "analytics_daily_places", "analytics_daily_bodies", "analytics_topic_places"];

    private static IEnumerable<RollupCube> AllDaily => Cubes.Concat(TopicCubes);

    private string RollupSchema
    {
        get
        {
            // Clustered by (day, seq): a period is one contiguous range of the table, read without a second lookup per
            // row (SQLite: WITHOUT ROWID; PostgreSQL: the primary key's index). The full cubes, read only under a body
            // or topic group filter, have an index for each, so one body or topic group reads its own rows only.
            var clustered = _dialect.Name == "postgresql" ? string.Empty : " WITHOUT ROWID";
            var sql = new StringBuilder();
            foreach (var cube in AllDaily)
            {
                foreach (var name in WithWeeks.Contains(cube.Name, StringComparer.Ordinal) ? new[] { cube.Name, Weekly(cube.Name) } : [cube.Name])
                {
                    var columns = cube.Keys.Select(k => k == "body_id" ? "body_id BIGINT" : $"{k} TEXT")
                        .Concat(cube.Measures.Select(m => m.Column switch
                        {
                            "topic_group" => "topic_group TEXT",
                            "answer_hours" => "answer_hours DOUBLE PRECISION NOT NULL",
                            var c => $"{c} BIGINT NOT NULL",
                        }));
                    sql.Append(CultureInfo.InvariantCulture, $"CREATE TABLE IF NOT EXISTS {name} (day TEXT NOT NULL, seq BIGINT NOT NULL, {string.Join(", ", columns)}, PRIMARY KEY (day, seq)){clustered};\n");
                    if (cube.Source is null)
                    {
                        foreach (var column in new[] { "body_id", "topic_group" })
                        {
                            sql.Append(CultureInfo.InvariantCulture, $"CREATE INDEX IF NOT EXISTS {name}_{column} ON {name} ({column}, day);\n");
                        }
                    }
                }
            }

            sql.Append("CREATE TABLE IF NOT EXISTS analytics_state (id BIGINT PRIMARY KEY, last_case_id BIGINT NOT NULL, last_event_id BIGINT NOT NULL);");
            return sql.ToString();
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
        // Watermarks below which every id is committed: several writers commit their ids out of order.
        var maxes = await CommittedMaxIdsAsync(["cases", "case_events"], cancellationToken);
        var (maxCase, maxEvent) = (maxes[0], maxes[1]);
        var state = await QueryAsync(
            _dialect.Name == "postgresql"
                ? "SELECT last_case_id, last_event_id FROM analytics_state WHERE id = 1 FOR UPDATE"
                : "SELECT last_case_id, last_event_id FROM analytics_state WHERE id = 1",
            r => (Case: r.GetInt64(0), Event: r.GetInt64(1)), cancellationToken);
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
            await CountDaysAsync(d, DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1), start, start.AddDays(1), cancellationToken);
        }

        foreach (var week in days.Select(WeekStart).Distinct(StringComparer.Ordinal))
        {
            var monday = DateOnly.ParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            await CountWeeksAsync(week, Day(monday.AddDays(7)), cancellationToken);
        }

        await ExecuteAsync("UPDATE analytics_state SET last_case_id = @c, last_event_id = @e WHERE id = 1", cancellationToken, ("c", maxCase), ("e", maxEvent));
        return days.Count;
    }

    /// <summary>The watermarks to save after a full build (read before it starts) and the days the cases span.</summary>
    public async Task<(long MaxCase, long MaxEvent, string? FirstDay, string? LastDay)> RollupPlanAsync(CancellationToken cancellationToken = default)
    {
        var day = DayOf("c.created_at");
        var maxes = await CommittedMaxIdsAsync(["cases", "case_events"], cancellationToken);
        var rows = await QueryAsync(
            $"SELECT (SELECT {day} FROM cases c ORDER BY c.created_at LIMIT 1), (SELECT {day} FROM cases c ORDER BY c.created_at DESC LIMIT 1)",
            r => (maxes[0], maxes[1], Db.Str(r, 0), Db.Str(r, 1)), cancellationToken);
        return rows[0];
    }

    /// <summary>Counts the cases created in the whole weeks [<paramref name="fromMonday"/>, <paramref name="toMonday"/>) into all rollups.</summary>
    public async Task BuildRollupWeeksAsync(DateOnly fromMonday, DateOnly toMonday, CancellationToken cancellationToken = default)
    {
        await CountDaysAsync(
            Day(fromMonday), toMonday, new DateTimeOffset(fromMonday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(toMonday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken);
        await CountWeeksAsync(Day(fromMonday), Day(toMonday), cancellationToken);
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

    /// <summary>The Monday (UTC) of the week of a 'YYYY-MM-DD' day.</summary>
    public static string WeekStart(string day)
    {
        var d = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Day(d.AddDays(-(((int)d.DayOfWeek + 6) % 7)));
    }

    /// <summary>Re-counts the days [<paramref name="fromDay"/>, <paramref name="toDay"/>) of every daily cube: the full ones from the cases, the smaller ones from those.</summary>
    private async Task CountDaysAsync(string fromDay, DateOnly toDay, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        (string, object?)[] args = [("fromDay", fromDay), ("toDay", Day(toDay)), ("from", T(from)), ("to", T(to))];
        foreach (var cube in AllDaily)
        {
            await ExecuteAsync($"DELETE FROM {cube.Name} WHERE day >= @fromDay AND day < @toDay", cancellationToken, args);
        }

        await ExecuteAsync(DailyInsert("c.created_at >= @from AND c.created_at < @to"), cancellationToken, args);
        await ExecuteAsync(TopicsInsert("c.created_at >= @from AND c.created_at < @to"), cancellationToken, args);
        foreach (var cube in AllDaily.Where(c => c.Source is not null))
        {
            await ExecuteAsync(CubeInsert(cube.Name, cube.Source!, cube, "day", "day >= @fromDay AND day < @toDay"), cancellationToken, args);
        }
    }

    /// <summary>Re-counts the weeks whose Mondays are in [<paramref name="fromMonday"/>, <paramref name="toDay"/>) of every weekly cube, from the daily ones.</summary>
    private async Task CountWeeksAsync(string fromMonday, string toDay, CancellationToken cancellationToken)
    {
        (string, object?)[] args = [("fromDay", fromMonday), ("toDay", toDay)];
        var week = _dialect.Name == "postgresql"
            ? "to_char(date_trunc('week', day::date), 'YYYY-MM-DD')"
            : "date(day, '-6 days', 'weekday 1')";
        foreach (var cube in AllDaily.Where(c => WithWeeks.Contains(c.Name, StringComparer.Ordinal)))
        {
            await ExecuteAsync($"DELETE FROM {Weekly(cube.Name)} WHERE day >= @fromDay AND day < @toDay", cancellationToken, args);
            await ExecuteAsync(CubeInsert(Weekly(cube.Name), cube.Name, cube, week, "day >= @fromDay AND day < @toDay"), cancellationToken, args);
        }
    }

    /// <summary>Sums <paramref name="source"/> into <paramref name="target"/> by the cube's keys and <paramref name="day"/>.</summary>
    private static string CubeInsert(string target, string source, RollupCube cube, string day, string where)
    {
        var keys = string.Join(", ", cube.Keys);
        return $"""
            INSERT INTO {target} (day, seq, {keys}, {string.Join(", ", cube.Measures.Select(m => m.Column))})
            SELECT {day}, ROW_NUMBER() OVER (PARTITION BY {day}), {keys}, {string.Join(", ", cube.Measures.Select(m => m.Aggregate))}
            FROM {source} WHERE {where}
            GROUP BY {day}, {keys}
            """;
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

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
