using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Otklik.Access;
using Otklik.Analytics;
using Otklik.Cases;
using Otklik.Model;
using Otklik.Sla;
using Otklik.Storage.Cases;

namespace Otklik.Tests.Storage;

/// <summary>The analytics rollups against a count over the cases themselves, after every kind of change a case goes through.</summary>
public abstract partial class StoreContract
{
    private static readonly string?[] Groups = ["1", "2", null];
    private static readonly string?[] Topics = ["Ямы", "Освещение", "Мусор", "Вода", null];
    private static readonly Territory[] Places =
    [
        new("46", "Курская область", City: "Курск"), new("46", "Курская область", City: "Льгов"),
        new("57", "Орловская область", City: "Орёл"), Territory.Unknown,
    ];

    [Fact]
    public async Task The_dashboard_rollups_equal_a_count_over_the_cases_after_creates_answers_reassignments_and_reopenings()
    {
        var database = new CaseDatabase(SqlDialect.FromDb(Database));
        var clock = new FakeTimeProvider(Now);
        var bodies = new List<long>();
        await using (var session = await database.OpenAsync(write: true))
        {
            foreach (var name in new[] { "Комитет дорожного хозяйства", "Комитет ЖКХ", "Управление благоустройства" })
            {
                bodies.Add(await session.AddBodyAsync(new Body(0, name, null, BodyLevel.Municipal, "46", null, new Territory("46", "Курская область"), null)));
            }

            await session.CommitAsync();
        }

        var random = new Random(7);
        var ids = await CreateCasesAsync(database, bodies, random, 120);
        var reader = new DashboardReader(database, clock);
        Assert.Equal(-1, await reader.RefreshAsync());
        await AssertRollupsMatchCasesAsync(database, bodies);

        // Answers at different ages, reassignments, rejections reopened, answers reopened; then new cases on old days.
        var commands = new CaseCommands(database, new SlaPolicy(new SlaOptions()), clock);
        var admin = new Caller(0, "test", Role.Admin, null, CaseScope.All);
        clock.Advance(TimeSpan.FromMinutes(7)); // answer times off the histogram's whole-hour bounds
        for (var i = 0; i < ids.Count; i++)
        {
            clock.Advance(TimeSpan.FromHours(3));
            var id = ids[i];
            switch (i % 6)
            {
                case 0:
                    await commands.TransitionAsync(id, CaseAction.Start, null, null, admin);
                    await commands.AnswerAsync(id, ResponseKind.Final, "Сделано", null, admin);
                    break;
                case 1:
                    await commands.AnswerAsync(id, ResponseKind.Final, "Сделано", null, admin);
                    await commands.TransitionAsync(id, CaseAction.Reopen, "не сделано", null, admin);
                    break;
                case 2:
                    await commands.TransitionAsync(id, CaseAction.Reassign, "не наш вопрос", bodies[(i / 6) % bodies.Count], admin);
                    break;
                case 3:
                    await commands.TransitionAsync(id, CaseAction.Reject, "спам", null, admin);
                    await commands.TransitionAsync(id, CaseAction.Reopen, "ошибка", null, admin);
                    break;
            }
        }

        await CreateCasesAsync(database, bodies, random, 40);
        Assert.True(await reader.RefreshAsync() > 0);
        var rows = await CaseRowsAsync(database);
        Assert.Contains(rows, r => r.AnsweredAt is not null);
        await AssertRollupsMatchCasesAsync(database, bodies);
    }

    private static async Task<List<long>> CreateCasesAsync(CaseDatabase database, List<long> bodies, Random random, int count)
    {
        var cases = new List<NewCase>();
        for (var i = 0; i < count; i++)
        {
            var created = Now.AddDays(-random.Next(0, 75)).AddHours(-random.Next(0, 24));
            long? body = random.Next(4) == 0 ? null : bodies[random.Next(bodies.Count)];
            cases.Add(new NewCase(
                Groups[random.Next(Groups.Length)], Topics[random.Next(Topics.Length)], Places[random.Next(Places.Length)], body,
                body is null ? CaseStatus.New : CaseStatus.Assigned, created.AddDays(1), created.AddDays(random.Next(1, 20)), created,
                "test", 1.0, [], [(byte)i], false, random.Next(1, 4)));
        }

        await using var session = await database.OpenAsync(write: true);
        await session.BeginWritingAsync();
        var ids = await session.CreateCasesAsync(cases);
        await session.CommitAsync();
        return [.. ids];
    }

    private sealed record CaseRow(
        string Day, string? TopicGroup, string? Topic, string? RegionCode, string? Region, string? City, long? BodyId,
        DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? AnswerDue, long Messages);

    private static async Task<List<CaseRow>> CaseRowsAsync(CaseDatabase database)
    {
        await using var session = await database.OpenAsync(write: false);
        return await session.QueryAsync(
            "SELECT topic_group, topic, region_code, region, city, body_id, created_at, answered_at, answer_due, message_count FROM cases",
            r => new CaseRow(
                Day(DateOnly.FromDateTime(session.Time(r, 6).UtcDateTime)), Db.Str(r, 0), Db.Str(r, 1), Db.Str(r, 2), Db.Str(r, 3), Db.Str(r, 4), Db.Long(r, 5),
                session.Time(r, 6), session.TimeOrNull(r, 7), session.TimeOrNull(r, 8), Db.Long(r, 9) ?? 0),
            CancellationToken.None);
    }

    private static async Task AssertRollupsMatchCasesAsync(CaseDatabase database, List<long> bodies)
    {
        var cases = await CaseRowsAsync(database);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var periods = new[] { (today.AddDays(-74), today), (today.AddDays(-27), today.AddDays(-3)), (today.AddDays(-40), today.AddDays(-40)) };
        var filters = new List<(RollupFilter Filter, CaseScope Scope)>();
        foreach (var (from, to) in periods)
        {
            var all = new RollupFilter(Day(from), Day(to));
            filters.AddRange(
            [
                (all, CaseScope.All), (all with { TopicGroup = "1" }, CaseScope.All), (all with { RegionCode = "46" }, CaseScope.All),
                (all with { City = "Льгов" }, CaseScope.All), (all with { BodyId = bodies[1] }, CaseScope.All),
                (all, new CaseScope([bodies[0], bodies[2]])), (all with { TopicGroup = "2", City = "Курск" }, CaseScope.All),
            ]);
        }

        string[][] groupings = [["day", "topic_group"], ["day", "city", "region", "region_code"], ["body_id"], []];
        await using var session = await database.OpenAsync(write: false);
        foreach (var (filter, scope) in filters)
        {
            foreach (var groupBy in groupings)
            {
                foreach (var weekly in new[] { false, true })
                {
                    var actual = weekly ? await session.WeeklyRollupAsync(filter, scope, groupBy) : await session.DailyRollupAsync(filter, scope, groupBy);
                    var expected = ExpectedRollup(cases, filter, scope, groupBy, weekly);
                    Assert.Equal(expected, actual.Where(r => r.Cases > 0).Select(Line).Order(StringComparer.Ordinal).ToList());
                }
            }

            // Top problems (14 days) and spikes (63 days), with the split on a Sunday (whole weeks) and on a Thursday.
            foreach (var anchor in new[] { today, today.AddDays(-3) })
            {
                foreach (var (days, byCity) in new[] { (13, false), (62, true) })
                {
                    var window = filter with { FromDay = Day(anchor.AddDays(-days)), ToDay = Day(anchor) };
                    var split = Day(anchor.AddDays(-6));
                    var actual = await session.TopicWeeksAsync(window, scope, split, byCity);
                    Assert.Equal(ExpectedTopics(cases, window, scope, split, byCity), actual.Select(t => t.ToString()).Order(StringComparer.Ordinal).ToList());
                }
            }
        }
    }

    private static bool Matches(CaseRow c, RollupFilter f, CaseScope scope) =>
        (f.TopicGroup is null || c.TopicGroup == f.TopicGroup) && (f.RegionCode is null || c.RegionCode == f.RegionCode)
        && (f.City is null || c.City == f.City) && (f.BodyId is null || c.BodyId == f.BodyId)
        && (scope.BodyIds is null || (c.BodyId is { } b && scope.BodyIds.Contains(b)));

    private static List<string> ExpectedRollup(List<CaseRow> cases, RollupFilter filter, CaseScope scope, string[] groupBy, bool weekly)
    {
        bool By(string column) => groupBy.Contains(column);
        string BucketOf(CaseRow c) => weekly ? CaseSession.WeekStart(c.Day) : c.Day;
        return cases
            .Where(c => string.CompareOrdinal(BucketOf(c), filter.FromDay) >= 0 && string.CompareOrdinal(BucketOf(c), filter.ToDay) <= 0 && Matches(c, filter, scope))
            .GroupBy(c => (By("day") ? BucketOf(c) : string.Empty, By("topic_group") ? c.TopicGroup : null, By("region_code") ? c.RegionCode : null,
                By("region") ? c.Region : null, By("city") ? c.City : null, By("body_id") ? c.BodyId : null))
            .Select(g =>
            {
                var answered = g.Where(c => c.AnsweredAt is not null).ToList();
                var hours = answered.Select(c => (c.AnsweredAt!.Value - c.CreatedAt).TotalHours).ToList();
                var histogram = Enumerable.Range(0, CaseSession.AnswerBuckets.Count + 1).Select(i => hours.Count(h =>
                    (i == 0 || h >= CaseSession.AnswerBuckets[i - 1]) && (i == CaseSession.AnswerBuckets.Count || h < CaseSession.AnswerBuckets[i]))).ToArray();
                return Line(new RollupRow(
                    g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Key.Item4, g.Key.Item5, g.Key.Item6, g.LongCount(), answered.Count,
                    answered.Count(c => c.AnswerDue is null || c.AnsweredAt <= c.AnswerDue), hours.Sum(), [.. histogram.Select(h => (long)h)]));
            })
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> ExpectedTopics(List<CaseRow> cases, RollupFilter window, CaseScope scope, string split, bool byCity) =>
        cases.Where(c => c.Topic is not null && string.CompareOrdinal(c.Day, window.FromDay) >= 0 && string.CompareOrdinal(c.Day, window.ToDay) <= 0 && Matches(c, window, scope))
            .GroupBy(c => (c.Topic!, byCity ? c.City : null, byCity ? c.Region : null))
            .Select(g => new TopicWeeksRow(
                g.Key.Item1, g.Select(c => c.TopicGroup).OfType<string>().Order(StringComparer.Ordinal).FirstOrDefault(), g.Key.Item2, g.Key.Item3,
                g.Where(c => string.CompareOrdinal(c.Day, split) >= 0).Sum(c => c.Messages), g.Where(c => string.CompareOrdinal(c.Day, split) < 0).Sum(c => c.Messages)).ToString())
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Line(RollupRow r) => string.Join(
        '|', r.Day, r.TopicGroup, r.RegionCode, r.Region, r.City, r.BodyId, r.Cases, r.Answered, r.AnsweredInTime,
        r.AnswerHours.ToString("F3", CultureInfo.InvariantCulture), string.Join(',', r.Histogram));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
