using Otklik.Ratings.Engine;
using Otklik.Ratings.Input;
using Otklik.Ratings.Method;
using Otklik.Ratings.Results;

namespace Otklik.Ratings;

/// <summary>Wires sources to the engine: the one call the CLI (and later GET /ratings) makes.</summary>
public static class RatingsRun
{
    /// <summary>
    /// Rates <paramref name="period"/> and the <paramref name="history"/> periods before it in one pass over the inputs.
    /// Unreadable lines go to <paramref name="onProblem"/> and are counted in the report's notes.
    /// </summary>
    public static RatingsReport Compute(
        Methodology method,
        RatingPeriod period,
        int history,
        IEnumerable<IEnumerable<CaseFactRecord>> caseSources,
        IEnumerable<IEnumerable<ActivityRecord>> activitySources,
        Action<InputProblem>? onProblem = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(caseSources);
        ArgumentNullException.ThrowIfNull(activitySources);
        var periods = new List<RatingPeriod> { period };
        for (var i = 0; i < history; i++)
        {
            periods.Insert(0, periods[0].Previous());
        }

        var engine = new RatingsEngine(method, periods);
        foreach (var source in caseSources)
        {
            foreach (var record in source)
            {
                if (record.Fact is { } fact)
                {
                    engine.Add(fact);
                }
                else if (record.Problem is { } problem)
                {
                    engine.InputProblems++;
                    onProblem?.Invoke(problem);
                }
            }
        }

        foreach (var source in activitySources)
        {
            foreach (var record in source)
            {
                if (record.Account is { } account)
                {
                    engine.Add(account);
                }
                else if (record.Event is { } activity)
                {
                    engine.Add(activity);
                }
                else if (record.Problem is { } problem)
                {
                    engine.InputProblems++;
                    onProblem?.Invoke(problem);
                }
            }
        }

        return engine.Compute();
    }
}
