using System.Globalization;
using System.Text;

namespace Otklik.Storage.Cases;

/// <summary>Reads of the analytics rollups (<see cref="RefreshRollupsAsync"/>) and of the live open counts.</summary>
public sealed partial class CaseSession
{
    private static readonly string[] RollupKeys = ["day", "topic_group", "region_code", "region", "city", "body_id"];

    /// <summary>
    /// Sums of the daily rollup over the filter's days (executors: their bodies only), grouped by the given columns
    /// (any of <c>day, topic_group, region_code, region, city, body_id</c>; none gives one total row). Columns not
    /// grouped by come back null (day: empty). The sums are done in SQL, so a few hundred rows at most leave the database.
    /// </summary>
    public Task<List<RollupRow>> DailyRollupAsync(RollupFilter filter, CaseScope scope, IReadOnlyList<string> groupBy, CancellationToken cancellationToken = default) =>
        RollupAsync(weekly: false, filter, scope, groupBy, cancellationToken);

    /// <summary>
    /// As <see cref="DailyRollupAsync"/> over the weekly rollup (7 times fewer rows, for long periods): <c>day</c> is the
    /// Monday of each week, and a week counts whole when its Monday is within the filter's days.
    /// </summary>
    public Task<List<RollupRow>> WeeklyRollupAsync(RollupFilter filter, CaseScope scope, IReadOnlyList<string> groupBy, CancellationToken cancellationToken = default) =>
        RollupAsync(weekly: true, filter, scope, groupBy, cancellationToken);

    private Task<List<RollupRow>> RollupAsync(bool weekly, RollupFilter filter, CaseScope scope, IReadOnlyList<string> groupBy, CancellationToken cancellationToken)
    {
        var unknown = groupBy.FirstOrDefault(g => !RollupKeys.Contains(g, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException($"cannot group the rollup by '{unknown}'", nameof(groupBy));
        }

        // The smallest cube that has every column grouped or filtered by.
        var cube = Cubes.First(c => c.Covers(groupBy.Where(g => g != "day").Concat(FilterColumns(filter, scope))));
        var table = weekly ? Weekly(cube.Name) : cube.Name;
        var select = string.Join(", ", RollupKeys.Select(c => groupBy.Contains(c, StringComparer.Ordinal) ? c : c == "day" ? "''" : "NULL"));
        var (where, args) = RollupWhere(filter, scope);
        var group = groupBy.Count == 0 ? string.Empty : " GROUP BY " + string.Join(", ", groupBy);
        return QueryAsync(
            $"""
            SELECT {select}, COALESCE(SUM(cases), 0), COALESCE(SUM(answered), 0), COALESCE(SUM(answered_in_time), 0), COALESCE(SUM(answer_hours), 0),
              COALESCE(SUM(h0), 0), COALESCE(SUM(h1), 0), COALESCE(SUM(h2), 0), COALESCE(SUM(h3), 0), COALESCE(SUM(h4), 0), COALESCE(SUM(h5), 0)
            FROM {table} WHERE day >= @fromDay AND day <= @toDay{where}{group}
            """,
            r => new RollupRow(
                r.GetString(0), Db.Str(r, 1), Db.Str(r, 2), Db.Str(r, 3), Db.Str(r, 4), r.IsDBNull(5) ? null : Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture),
                L(r, 6), L(r, 7), L(r, 8), Convert.ToDouble(r.GetValue(9), CultureInfo.InvariantCulture),
                [L(r, 10), L(r, 11), L(r, 12), L(r, 13), L(r, 14), L(r, 15)]),
            cancellationToken, [.. args]);
    }

    /// <summary>
    /// Messages per topic (and, with <paramref name="byCity"/>, per city) over the filter's days, split into those from
    /// <paramref name="splitDay"/> on (<see cref="TopicWeeksRow.Recent"/>) and those before it. A topic's group is the
    /// least of the groups its cases carry (one, when topics come from the routing table).
    /// </summary>
    public Task<List<TopicWeeksRow>> TopicWeeksAsync(RollupFilter filter, CaseScope scope, string splitDay, bool byCity, CancellationToken cancellationToken = default)
    {
        var (where, args) = RollupWhere(filter, scope);
        args.Add(("split", splitDay));
        var small = TopicCubes[1];
        var parts = new List<string>();
        if (small.Covers(FilterColumns(filter, scope)))
        {
            // Without a body or group filter: the place cube, whole weeks from its weekly twin and the days around
            // them from the daily one, each half of the split on its own, so a week never straddles the split.
            var split = DateOnly.ParseExact(splitDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var from = DateOnly.ParseExact(filter.FromDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = DateOnly.ParseExact(filter.ToDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var (a, b) in new[] { (from, split.AddDays(-1)), (split > from ? split : from, to) })
            {
                foreach (var (weekly, first, last) in Segments(a, b))
                {
                    var name = "s" + args.Count.ToString(CultureInfo.InvariantCulture);
                    args.Add((name + "a", Day(first)));
                    args.Add((name + "b", Day(last)));
                    parts.Add($"SELECT day, topic, topic_group, city, region, messages FROM {(weekly ? Weekly(small.Name) : small.Name)} WHERE day >= @{name}a AND day <= @{name}b{where}");
                }
            }
        }
        else
        {
            parts.Add($"SELECT day, topic, topic_group, city, region, messages FROM {TopicCubes[0].Name} WHERE day >= @fromDay AND day <= @toDay{where}");
        }

        if (parts.Count == 0)
        {
            return Task.FromResult(new List<TopicWeeksRow>());
        }

        var place = byCity ? "city, region" : "NULL, NULL";
        var group = byCity ? "topic, city, region" : "topic";
        return QueryAsync(
            $"""
            SELECT topic, MIN(topic_group), {place}, SUM(CASE WHEN day >= @split THEN messages ELSE 0 END), SUM(CASE WHEN day < @split THEN messages ELSE 0 END)
            FROM ({string.Join("\nUNION ALL ", parts)}) x WHERE topic IS NOT NULL GROUP BY {group}
            """,
            r => new TopicWeeksRow(r.GetString(0), Db.Str(r, 1), Db.Str(r, 2), Db.Str(r, 3), L(r, 4), L(r, 5)),
            cancellationToken, [.. args]);
    }

    /// <summary>
    /// The days [<paramref name="from"/>, <paramref name="to"/>] as whole Monday-to-Sunday weeks (weekly: the Mondays
    /// from first to last) and the days before and after them (daily). Empty when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    internal static List<(bool Weekly, DateOnly First, DateOnly Last)> Segments(DateOnly from, DateOnly to)
    {
        var segments = new List<(bool, DateOnly, DateOnly)>();
        if (to < from)
        {
            return segments;
        }

        var monday = from.AddDays((7 - (((int)from.DayOfWeek + 6) % 7)) % 7);
        var sunday = to.AddDays(-(((int)to.DayOfWeek + 7) % 7));
        if (monday.AddDays(6) > sunday)
        {
            segments.Add((false, from, to));
            return segments;
        }

        if (from < monday)
        {
            segments.Add((false, from, monday.AddDays(-1)));
        }

        segments.Add((true, monday, sunday.AddDays(-6)));
        if (sunday < to)
        {
            segments.Add((false, sunday.AddDays(1), to));
        }

        return segments;
    }

    private static long L(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>The rollup columns a filter (and an executor's scope) reads.</summary>
    private static IEnumerable<string> FilterColumns(RollupFilter filter, CaseScope scope)
    {
        if (filter.TopicGroup is not null)
        {
            yield return "topic_group";
        }

        if (filter.RegionCode is not null)
        {
            yield return "region_code";
        }

        if (filter.City is not null)
        {
            yield return "city";
        }

        if (filter.BodyId is not null || scope.BodyIds is not null)
        {
            yield return "body_id";
        }
    }

    /// <summary>The filter's conditions other than its days (<c>@fromDay</c>, <c>@toDay</c> are bound), each starting with AND.</summary>
    private static (string Where, List<(string, object?)> Args) RollupWhere(RollupFilter filter, CaseScope scope)
    {
        var sql = new StringBuilder();
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
}
