using System.Collections.Concurrent;
using System.Globalization;
using Otklik.Ratings;
using Otklik.Ratings.Input;
using Otklik.Ratings.Method;
using Otklik.Ratings.Results;
using Otklik.Ratings.Sources;
using Otklik.Storage.Cases;

namespace Otklik.Server.Ratings;

/// <summary>
/// The public ratings computed from the store's cases with the shipped methodology, for a quarter and the 3 before it.
/// A report is cached until a case is created or changed (<see cref="CaseSession.ChangeMarkAsync"/>), so the public
/// page costs one computation per change, not per visitor. A report computed under an unsettled mark (writers were in
/// flight, and one may commit an id below the mark without changing it) is served only under unsettled marks: the first
/// request that finds the writers done computes it again. In the demo, the simulated official accounts of the ratings
/// issue are rated beside the bodies (and the report says they are simulated).
/// </summary>
public sealed class LiveRatings(CaseDatabase database, TimeProvider time, OtklikServerOptions options)
{
    /// <summary>Earlier periods computed for the history columns. 3.</summary>
    public const int HistoryPeriods = 3;

    private readonly ConcurrentDictionary<string, (ChangeMark Mark, RatingsReport Report)> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _compute = new(1, 1);
    private CityPopulation? _population;

    public Methodology Method { get; } = Methodology.Default();

    /// <summary>Quarters from the first case to now, oldest first; the current quarter is the last.</summary>
    public async Task<List<string>> PeriodsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = await database.OpenAsync(write: false, cancellationToken);
        var span = await session.CaseTimeSpanAsync(cancellationToken);
        var current = QuarterOf(now);
        var first = span is { } s ? QuarterOf(s.First) : current;
        var periods = new List<string>();
        for (var p = current; periods.Count < 40; p = p.Previous())
        {
            periods.Insert(0, p.Name);
            if (p.Start <= first.Start)
            {
                break;
            }
        }

        return periods;
    }

    public string CurrentPeriod => QuarterOf(time.GetUtcNow()).Name;

    public async Task<RatingsReport> ReportAsync(RatingPeriod period, CancellationToken cancellationToken)
    {
        ChangeMark mark;
        await using (var session = await database.OpenAsync(write: false, cancellationToken))
        {
            mark = await session.ChangeMarkAsync(cancellationToken);
        }

        if (_cache.TryGetValue(period.Name, out var cached) && Fits(cached.Mark, mark))
        {
            return cached.Report;
        }

        await _compute.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(period.Name, out cached) && Fits(cached.Mark, mark))
            {
                return cached.Report;
            }

            var from = period.Start;
            for (var i = 0; i < HistoryPeriods; i++)
            {
                from = from.AddMonths(-3);
            }

            IEnumerable<IEnumerable<ActivityRecord>> activity = options.Demo
                ? [SimulatedActivity.Generate(Method.Bootstrap.Seed, from, period.End.AddDays(Method.ObservationDays), Population())]
                : [];
            RatingsReport report;
            await using (var session = await database.OpenAsync(write: false, cancellationToken))
            {
                // Facts stream from an open reader into the engine, so the server holds the engine's state, not the
                // cases. The engine is synchronous: it runs off the request thread while the session stays open.
                var facts = session.StreamRatingFacts(from, period.End).Select(f => new CaseFactRecord(f, null));
                report = await Task.Run(() => RatingsRun.Compute(Method, period, HistoryPeriods, [facts], activity), cancellationToken);
            }

            _cache[period.Name] = (mark, report);
            return report;
        }
        finally
        {
            _compute.Release();
        }
    }

    // A settled report serves any request of its mark; an unsettled one only requests that cannot tell better.
    private static bool Fits(ChangeMark cached, ChangeMark now) =>
        cached.Value == now.Value && (cached.Settled || !now.Settled);

    private CityPopulation Population() =>
        _population ??= CityPopulation.Load(File.Exists(Path.Combine("data", "geo", "city.csv")) ? Path.Combine("data", "geo", "city.csv") : CityPopulation.DefaultPath);

    private static RatingPeriod QuarterOf(DateTimeOffset at)
    {
        var moscow = at.ToOffset(TimeSpan.FromHours(3));
        return RatingPeriod.TryParse(string.Create(CultureInfo.InvariantCulture, $"{moscow.Year}-Q{((moscow.Month - 1) / 3) + 1}"))!;
    }
}
