using System.Globalization;
using Otklik.Storage.Cases;

namespace Otklik.Analytics;

/// <summary>
/// Reads the dashboard from the rollups (<see cref="CaseSession.RefreshRollupsAsync"/>), so its cost grows with days ×
/// topic groups × places × bodies, not with cases. One refresh runs at a time; readers wait for it, then read.
/// </summary>
public sealed class DashboardReader(CaseDatabase database, TimeProvider time)
{
    /// <summary>Periods longer than this are bucketed by week (Monday to Sunday) and read from the weekly rollup.</summary>
    public const int MaxDailyBuckets = 31;

    /// <summary>A spike needs at least this many messages in the last 7 days…</summary>
    public const int SpikeMinCases = 5;

    /// <summary>…and this many times its usual weekly count (the mean of the 8 weeks before, at least 1).</summary>
    public const double SpikeRatio = 3;

    /// <summary>Weeks counted per transaction in the first build.</summary>
    private const int BuildWeeks = 4;

    private const int SeriesShown = 8;
    private const string Others = "Прочие";
    private static readonly string[] BucketLabels = ["до 1 дня", "1–3 дня", "3–7 дней", "7–14 дней", "14–30 дней", "больше 30 дней"];
    /// <summary>The open counts are folded only once they have more rows than this (and than twice the last fold left).</summary>
    private const long MinOpenRows = 4096;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private long _openRows;
    private volatile bool _tablesExist;

    /// <summary>Brings the rollups up to date. Returns the days re-counted (-1: full build).</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (_tablesExist)
        {
            await using var reader = await database.OpenAsync(write: false, cancellationToken);
            if (await reader.RollupsFreshAsync(cancellationToken))
            {
                return 0;
            }
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            int days;
            await using (var session = await database.OpenAsync(write: true, cancellationToken))
            {
                days = await session.RefreshRollupsAsync(cancellationToken);
                // The open counts grow by a row per change; folding them when they have doubled keeps reads short
                // and the folding itself rare.
                _openRows = await session.CompactOpenCountsAsync(Math.Max(MinOpenRows, 2 * _openRows), cancellationToken) ?? _openRows;
                await session.CommitAsync(cancellationToken);
            }

            if (days == -1)
            {
                await BuildAsync(cancellationToken);
            }

            _tablesExist = true;
            return days;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// The first build, in chunks of <see cref="BuildWeeks"/> weeks, each its own short transaction: the workers keep
    /// writing meanwhile, and whatever they change carries an id above the watermarks read first, so the next refresh
    /// re-counts it.
    /// </summary>
    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        (long MaxCase, long MaxEvent, string? FirstDay, string? LastDay) plan;
        await using (var session = await database.OpenAsync(write: false, cancellationToken))
        {
            plan = await session.RollupPlanAsync(cancellationToken);
        }

        if (plan.FirstDay is { } first && plan.LastDay is { } last)
        {
            var end = DateOnly.ParseExact(last, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var monday = DateOnly.ParseExact(CaseSession.WeekStart(first), "yyyy-MM-dd", CultureInfo.InvariantCulture); monday <= end; monday = monday.AddDays(7 * BuildWeeks))
            {
                await using var session = await database.OpenAsync(write: true, cancellationToken);
                await session.BuildRollupWeeksAsync(monday, monday.AddDays(7 * BuildWeeks), cancellationToken);
                await session.CommitAsync(cancellationToken);
            }
        }

        await using (var session = await database.OpenAsync(write: true, cancellationToken))
        {
            await session.SaveRollupStateAsync(plan.MaxCase, plan.MaxEvent, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
    }

    public async Task<Dashboard> ReadAsync(DashboardQuery query, CaseScope scope, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(cancellationToken);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var to = query.To ?? today;
        var from = query.From ?? to.AddDays(-83);
        if (from > to)
        {
            (from, to) = (to, from);
        }

        // "This week" is the last 7 days of the period, or up to today when the period runs into the future.
        var anchor = to > today ? today : to;
        var filter = new RollupFilter(Day(from), Day(to))
        {
            TopicGroup = query.TopicGroup, RegionCode = query.RegionCode, City = query.City, BodyId = query.BodyId,
        };

        await using var session = await database.OpenAsync(write: false, cancellationToken);
        // Long periods read whole weeks: the period starts on the Monday of its first week.
        var weekly = to.DayNumber - from.DayNumber + 1 > MaxDailyBuckets;
        if (weekly)
        {
            from = DateOnly.ParseExact(CaseSession.WeekStart(Day(from)), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            filter = filter with { FromDay = Day(from) };
        }

        // Three scans of the period: the totals are the sum of the bodies, the places the sum of the cities' days.
        Func<RollupFilter, CaseScope, IReadOnlyList<string>, CancellationToken, Task<List<RollupRow>>> rollup = weekly ? session.WeeklyRollupAsync : session.DailyRollupAsync;
        var byGroup = await rollup(filter, scope, ["day", "topic_group"], cancellationToken);
        var byCity = await rollup(filter, scope, ["day", "city", "region", "region_code"], cancellationToken);
        var byBody = await rollup(filter, scope, ["body_id"], cancellationToken);
        var top = await session.TopicWeeksAsync(filter with { FromDay = Day(anchor.AddDays(-13)), ToDay = Day(anchor) }, scope, Day(anchor.AddDays(-6)), byCity: false, cancellationToken);
        var spikes = await session.TopicWeeksAsync(filter with { FromDay = Day(anchor.AddDays(-62)), ToDay = Day(anchor) }, scope, Day(anchor.AddDays(-6)), byCity: true, cancellationToken);
        var open = await session.OpenCasesByBodyAsync(filter, scope, now, cancellationToken);
        var names = (await session.ListBodiesAsync(cancellationToken)).ToDictionary(b => b.Id, b => b.ShortName ?? b.Name);

        var step = weekly ? 7 : 1;
        var bucketCount = ((to.DayNumber - from.DayNumber) / step) + 1;
        var buckets = Enumerable.Range(0, bucketCount).Select(i => Day(from.AddDays(i * step))).ToList();
        int BucketOf(string day) => (DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - from.DayNumber) / step;

        var total = Sum(byBody);
        var totals = new DashboardTotals(
            total.Cases, total.Answered, total.AnsweredInTime, Share(total.AnsweredInTime, total.Answered),
            total.Answered == 0 ? null : Math.Round(total.AnswerHours / total.Answered, 1),
            open.Sum(o => o.Open), open.Sum(o => o.Overdue));
        var volumes = new DashboardVolumes(
            buckets,
            SeriesOf(byGroup, r => r.TopicGroup ?? "Без темы", BucketOf, bucketCount),
            SeriesOf(byCity.Where(r => r.City is not null), r => r.City!, BucketOf, bucketCount));

        return new Dashboard(
            Day(from), Day(to), weekly ? "week" : "day", now, totals, volumes,
            TopProblems(top), new AnswerTimes(BucketLabels, total.Histogram),
            Bodies(byBody, open, names), Places(byCity), Spikes(spikes));
    }

    private static List<Series> SeriesOf(IEnumerable<RollupRow> rows, Func<RollupRow, string> key, Func<string, int> bucketOf, int bucketCount)
    {
        var byKey = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var k = key(r);
            if (!byKey.TryGetValue(k, out var counts))
            {
                byKey[k] = counts = new long[bucketCount];
            }

            counts[bucketOf(r.Day)] += r.Cases;
        }

        var ordered = byKey.OrderByDescending(p => p.Value.Sum()).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var shown = ordered.Take(SeriesShown).Select(p => new Series(p.Key, p.Value)).ToList();
        if (ordered.Count > SeriesShown)
        {
            var rest = new long[bucketCount];
            foreach (var (_, counts) in ordered.Skip(SeriesShown))
            {
                for (var i = 0; i < bucketCount; i++)
                {
                    rest[i] += counts[i];
                }
            }

            shown.Add(new Series(Others, rest));
        }

        return shown;
    }

    private static List<TopProblem> TopProblems(List<TopicWeeksRow> rows) =>
        rows.Where(t => t.Recent > 0)
            .Select(t => new TopProblem(t.Topic, t.TopicGroup, t.Recent, t.Before, t.Recent - t.Before))
            .OrderByDescending(t => t.ThisWeek).ThenByDescending(t => t.Change).ThenBy(t => t.Topic, StringComparer.Ordinal)
            .Take(15)
            .ToList();

    // The 56 days before the last 7 are the usual level: 8 weeks.
    private static List<Spike> Spikes(List<TopicWeeksRow> rows) =>
        rows.Select(t => (Row: t, Usual: t.Before / 8.0))
            .Select(x => new Spike(x.Row.Topic, x.Row.City, x.Row.Region, x.Row.Recent, Math.Round(x.Usual, 2), Math.Round(x.Row.Recent / Math.Max(x.Usual, 1), 1)))
            .Where(s => s.ThisWeek >= SpikeMinCases && s.Ratio >= SpikeRatio)
            .OrderByDescending(s => s.Ratio).ThenByDescending(s => s.ThisWeek)
            .Take(10)
            .ToList();

    private static List<BodyStats> Bodies(List<RollupRow> daily, List<OpenCasesRow> open, Dictionary<long, string> names)
    {
        var openBy = open.ToDictionary(o => o.BodyId ?? 0);
        var byBody = daily.GroupBy(r => r.BodyId ?? 0).ToDictionary(g => g.Key, g => g.ToList());
        return byBody.Keys.Concat(openBy.Keys).Distinct().Select(id =>
            {
                var rows = byBody.GetValueOrDefault(id) ?? [];
                var answered = rows.Sum(r => r.Answered);
                var inTime = rows.Sum(r => r.AnsweredInTime);
                var histogram = Enumerable.Range(0, BucketLabels.Length).Select(i => rows.Sum(r => r.Histogram[i])).ToList();
                openBy.TryGetValue(id, out var o);
                return new BodyStats(
                    id == 0 ? null : id, id == 0 ? "Без органа" : names.GetValueOrDefault(id, $"Орган {id}"),
                    rows.Sum(r => r.Cases), answered, inTime, Share(inTime, answered),
                    answered == 0 ? null : Math.Round(rows.Sum(r => r.AnswerHours) / answered, 1), histogram, o?.Open ?? 0, o?.Overdue ?? 0);
            })
            .OrderByDescending(b => b.Cases).ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static List<PlaceStats> Places(List<RollupRow> daily) =>
        daily.Where(r => r.City is not null)
            .GroupBy(r => (r.City!, r.Region, r.RegionCode))
            .Select(g => new PlaceStats(g.Key.Item1, g.Key.Region, g.Key.RegionCode, g.Sum(r => r.Cases)))
            .OrderByDescending(p => p.Cases).ThenBy(p => p.City, StringComparer.Ordinal)
            .ToList();

    private static RollupRow Sum(List<RollupRow> rows)
    {
        var histogram = new long[BucketLabels.Length];
        foreach (var r in rows)
        {
            for (var i = 0; i < histogram.Length; i++)
            {
                histogram[i] += r.Histogram[i];
            }
        }

        return new RollupRow(
            string.Empty, null, null, null, null, null, rows.Sum(r => r.Cases), rows.Sum(r => r.Answered), rows.Sum(r => r.AnsweredInTime),
            rows.Sum(r => r.AnswerHours), histogram);
    }

    private static double? Share(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
