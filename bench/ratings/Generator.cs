using System.Globalization;
using Otklik.Model;
using Otklik.Ratings.Input;
using Otklik.Ratings.Method;

namespace Otklik.Bench.Ratings;

/// <summary>Synthetic national-scale facts, generated on the fly: nothing is held, so memory shows only the engine's.</summary>
internal static class Generator
{
    private static readonly string[] Categories = ["federal", "regional", "municipal"];
    private static readonly string[] AccountCategories = ["official-page", "personal-account"];
    private static readonly string[] Levels = ["federal", "regional", "municipal"];

    public static IEnumerable<CaseFactRecord> Cases(BenchOptions options, RatingPeriod period)
    {
        var random = new Random(options.Seed);
        var bodies = Enumerable.Range(0, options.Bodies).Select(i => "body-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var speed = Enumerable.Range(0, options.Bodies).Select(_ => 0.5 + 3 * random.NextDouble()).ToArray();
        var topics = Enumerable.Range(0, 120).Select(i => "topic-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var span = (period.End - period.Start).Ticks;
        for (long i = 0; i < options.Cases; i++)
        {
            var body = random.Next(bodies.Length);
            var created = period.Start.AddTicks(span * i / options.Cases);
            var reply = random.NextDouble() < 0.92 ? Math.Exp(speed[body] + random.NextDouble() * 3) : (double?)null;
            var answered = reply is { } r && random.NextDouble() < 0.8 ? r + random.NextDouble() * 400 : (double?)null;
            yield return new CaseFactRecord(new CaseFact
            {
                CaseId = i.ToString(CultureInfo.InvariantCulture),
                BodyId = bodies[body],
                Category = Categories[body % 3],
                // A body answers on the few topics it is competent for, as real bodies do (6 of 120 here).
                Topic = topics[(body * 7 + random.Next(6)) % topics.Length],
                Place = "place-" + random.Next(2_000_000).ToString(CultureInfo.InvariantCulture),
                Author = "u" + random.Next(5_000_000).ToString(CultureInfo.InvariantCulture),
                CreatedAt = created,
                FirstReplyAt = reply is { } f ? created.AddHours(f) : null,
                FullAnswerAt = answered is { } a ? created.AddHours(a) : null,
                ResolvedAt = answered is { } c && random.NextDouble() < 0.7 ? created.AddHours(c + 24) : null,
                FirstReplyDue = created.AddDays(8),
                AnswerDue = created.AddDays(30),
                Status = answered is null ? CaseStatus.InProgress : CaseStatus.Answered,
                Reopened = random.NextDouble() < 0.04,
                Reassigned = random.NextDouble() < 0.06,
                LastStatusChangeAt = created.AddHours(answered ?? reply ?? 0),
            }, null);
        }
    }

    /// <summary>Per account: its facts, then about 10 posts, 8 comments and 4 replies spread over the quarter, in time order.</summary>
    public static IEnumerable<ActivityRecord> Activity(BenchOptions options, RatingPeriod period)
    {
        var random = new Random(options.Seed + 1);
        var names = Enumerable.Range(0, options.Accounts).Select(i => "acct-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            yield return new ActivityRecord(new AccountFacts(names[i], names[i], AccountCategories[i % 2], Levels[i % 3],
                random.NextDouble() < 0.8, random.NextDouble() < 0.9, random.NextDouble() < 0.7, random.NextDouble() < 0.5, random.NextDouble() < 0.6,
                1_000 + random.Next(200_000), 50_000 + random.Next(2_000_000), null, Simulated: true), null, null);
        }

        var hours = (period.End - period.Start).TotalHours;
        const int Rounds = 10;
        for (var round = 0; round < Rounds; round++)
        {
            var baseHour = hours * round / Rounds;
            for (var i = 0; i < names.Length; i++)
            {
                var at = period.Start.AddHours(baseHour + i * (hours / Rounds - 48) / names.Length);
                var views = 100 + random.Next(20_000);
                yield return new ActivityRecord(null, new ActivityEvent(ActivityKind.Post, names[i], $"p{round}", at, 300, views, views / 100, views / 1000, 1, true, null, null), null);
                if (round % 5 < 4)
                {
                    yield return new ActivityRecord(null, new ActivityEvent(ActivityKind.Comment, names[i], $"c{round}", at.AddMinutes(10), 80, 0, 0, 0, 0, true, $"p{round}", true), null);
                }
            }

            for (var i = 0; i < names.Length; i += 2)
            {
                var at = period.Start.AddHours(baseHour + i * (hours / Rounds - 48) / names.Length + 20);
                yield return new ActivityRecord(null, new ActivityEvent(ActivityKind.Reply, names[i], $"r{round}", at, 100, 0, 0, 0, 0, true, $"c{round}", null), null);
            }
        }
    }
}
