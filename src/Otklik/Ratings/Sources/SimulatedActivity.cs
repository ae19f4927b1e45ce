using System.Globalization;
using Otklik.Ratings.Input;

namespace Otklik.Ratings.Sources;

/// <summary>
/// SIMULATED activity of demo official accounts: regional government pages, a governor's and mayors' personal
/// accounts, federal agencies' regional pages, district administrations. There is no real activity data in the repo
/// beyond the VK API samples, so this gives the account ratings something varied to rate. Every account it makes is
/// marked simulated, and so is every report that includes it. Seeded: the same seed gives the same lines.
/// </summary>
public static class SimulatedActivity
{
    private static readonly SimulatedAccount[] Accounts =
    [
        new("sim:vk/spb-gov", "Правительство Санкт-Петербурга (демо)", "official-page", "regional", "Санкт-Петербург", 620_000, true, true, true, true, true, 4.0, 0.00, 90_000, 0.012, 0.55, 6),
        new("sim:vk/lenobl-gov", "Правительство Ленинградской области (демо)", "official-page", "regional", "Гатчина", 210_000, true, true, true, false, true, 2.5, 0.05, 30_000, 0.015, 0.35, 20),
        new("sim:vk/kursk-gov", "Правительство Курской области (демо)", "official-page", "regional", "Курск", 95_000, true, true, false, true, false, 1.5, 0.15, 12_000, 0.020, 0.70, 3),
        new("sim:vk/nsk-gov", "Правительство Новосибирской области (демо)", "official-page", "regional", "Новосибирск", 150_000, false, true, true, false, false, 0.8, 0.30, 15_000, 0.008, 0.10, 70),
        new("sim:tg/spb-governor", "Губернатор Санкт-Петербурга (демо)", "personal-account", "regional", "Санкт-Петербург", 310_000, true, true, false, true, true, 2.0, 0.02, 160_000, 0.030, 0.20, 30),
        new("sim:vk/kursk-mayor", "Глава города Курска (демо)", "personal-account", "municipal", "Курск", 40_000, true, true, true, true, true, 1.2, 0.05, 9_000, 0.040, 0.80, 2),
        new("sim:vk/nsk-mayor", "Мэр Новосибирска (демо)", "personal-account", "municipal", "Новосибирск", 85_000, false, true, false, false, true, 0.5, 0.40, 20_000, 0.025, 0.05, 120),
        new("sim:vk/vyborg-head", "Глава администрации Выборгского района ЛО (демо)", "personal-account", "municipal", "Выборг", 12_000, true, false, true, true, false, 0.9, 0.10, 3_000, 0.035, 0.60, 8),
        new("sim:vk/rpn-spb", "Роспотребнадзор по Санкт-Петербургу (демо)", "official-page", "federal", "Санкт-Петербург", 45_000, true, true, true, true, true, 1.0, 0.05, 8_000, 0.006, 0.25, 48),
        new("sim:vk/mchs-kursk", "ГУ МЧС России по Курской области (демо)", "official-page", "federal", "Курск", 30_000, true, true, true, false, true, 3.0, 0.00, 6_000, 0.018, 0.15, 24),
        new("sim:vk/fns-nsk", "УФНС России по Новосибирской области (демо)", "official-page", "federal", "Новосибирск", 18_000, true, false, true, true, false, 0.4, 0.35, 2_500, 0.004, 0.65, 10),
        new("sim:vk/kolpino-adm", "Администрация Колпинского района (демо)", "official-page", "municipal", "Колпино", 28_000, true, true, true, true, true, 1.5, 0.05, 5_000, 0.015, 0.75, 5),
        new("sim:vk/kursk-city", "Администрация города Курска (демо)", "official-page", "municipal", "Курск", 60_000, true, true, false, true, false, 2.0, 0.10, 10_000, 0.012, 0.40, 16),
        new("sim:vk/gatchina-adm", "Администрация Гатчинского района (демо)", "official-page", "municipal", "Гатчина", 9_000, false, false, true, false, false, 0.3, 0.50, 1_500, 0.010, 0.20, 60),
    ];

    /// <summary>The account lines, then posts, comments and replies between the dates, in order of time.</summary>
    public static IEnumerable<ActivityRecord> Generate(int seed, DateTimeOffset from, DateTimeOffset to, CityPopulation populations)
    {
        ArgumentNullException.ThrowIfNull(populations);
        foreach (var a in Accounts)
        {
            yield return new ActivityRecord(
                new AccountFacts(a.Account, a.Name, a.Category, a.Level, a.GovernmentMark, a.Description, a.Contacts, a.AppealsLink, a.Pinned,
                    a.Followers, populations.Of(a.City), a.City, Simulated: true),
                null, null);
        }

        var random = new Random(seed);
        var events = new List<ActivityEvent>();
        var counter = 0;
        foreach (var a in Accounts)
        {
            for (var week = from; week < to; week = week.AddDays(7))
            {
                if (random.NextDouble() < a.QuietWeekShare)
                {
                    continue;
                }

                // Activity drifts from quarter to quarter so history has changes to show.
                var drift = 0.7 + 0.6 * random.NextDouble();
                for (var day = 0; day < 7 && week.AddDays(day) < to; day++)
                {
                    var posts = Poisson(random, a.PostsPerDay * drift);
                    for (var p = 0; p < posts; p++)
                    {
                        var at = week.AddDays(day).AddHours(8 + 12 * random.NextDouble());
                        var views = (long)(a.MeanViews * Math.Exp(0.6 * Normal(random) - 0.18));
                        var reactions = views * a.EngagementRate * Math.Exp(0.4 * Normal(random));
                        var comments = Poisson(random, reactions * 0.12);
                        var postId = "p" + (++counter).ToString(CultureInfo.InvariantCulture);
                        events.Add(new ActivityEvent(ActivityKind.Post, a.Account, postId, at, 200 + random.Next(1500), views,
                            (long)(reactions * 0.8), (long)(reactions * 0.08), comments, true, null, null));
                        for (var c = 0; c < Math.Min(comments, 40); c++)
                        {
                            var commentAt = at.AddHours(6 * random.NextDouble() * random.NextDouble());
                            var commentId = "c" + (++counter).ToString(CultureInfo.InvariantCulture);
                            var question = random.NextDouble() < 0.55;
                            events.Add(new ActivityEvent(ActivityKind.Comment, a.Account, commentId, commentAt, 20 + random.Next(300), 0, 0, 0, 0, true, postId, question));
                            if (question && random.NextDouble() < a.AnswerShare * drift)
                            {
                                var delay = a.AnswerMedianHours * Math.Exp(0.9 * Normal(random));
                                events.Add(new ActivityEvent(ActivityKind.Reply, a.Account, "r" + (++counter).ToString(CultureInfo.InvariantCulture),
                                    commentAt.AddHours(delay), 50 + random.Next(400), 0, 0, 0, 0, true, commentId, null));
                            }
                        }
                    }
                }
            }
        }

        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            yield return new ActivityRecord(null, e, null);
        }
    }

    private static int Poisson(Random random, double mean)
    {
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal(random)));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }

    private static double Normal(Random random) => Engine.Sampling.Normal(random);
}
