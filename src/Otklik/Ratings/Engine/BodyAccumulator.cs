using Otklik.Model;
using Otklik.Ratings.Input;

namespace Otklik.Ratings.Engine;

/// <summary>
/// Everything one body's rating needs from its cases of one period, in memory that does not grow with the cases:
/// counters, three log histograms, and per-topic sums (bounded by the number of topics).
/// </summary>
internal sealed class BodyAccumulator(string id, string? name, string category)
{
    public string Id { get; } = id;
    public string Name { get; set; } = name ?? id;
    public string Category { get; } = category;

    public long Cases;
    public long CappedOut;
    public long Answered;
    public long FirstDue;
    public long FirstOnTime;
    public long AnswerDue;
    public long AnswerOnTime;
    public long Reopened;
    public long Reassigned;
    public long Repeats;
    public long Open;
    public long StaleOpen;
    public readonly LogHistogram FirstReply = new();
    public readonly LogHistogram FullAnswer = new();
    public readonly LogHistogram Resolution = new();
    public readonly Dictionary<int, TopicCell> Topics = [];

    /// <summary>Cases that count in rates: all of them but those over the author cap.</summary>
    public long Counted => Cases - CappedOut;

    public void Add(CaseFact fact, int topic, DateTimeOffset asOf, TimeSpan stale, bool repeat)
    {
        if (!Topics.TryGetValue(topic, out var cell))
        {
            cell = new TopicCell();
            Topics[topic] = cell;
        }

        cell.Cases++;
        if (fact.FirstReplyAt is { } first && first <= asOf)
        {
            cell.FirstN++;
            cell.FirstSumLog += FirstReply.Add(Hours(fact.CreatedAt, first));
        }

        if (fact.FullAnswerAt is { } full && full <= asOf)
        {
            Answered++;
            cell.Answered++;
            cell.FullN++;
            cell.FullSumLog += FullAnswer.Add(Hours(fact.CreatedAt, full));
        }

        if (fact.ResolvedAt is { } resolved && resolved <= asOf)
        {
            cell.ResolvedN++;
            cell.ResolvedSumLog += Resolution.Add(Hours(fact.CreatedAt, resolved));
        }

        switch (OnTime(fact.FirstReplyAt, fact.FirstReplyDue, asOf))
        {
            case true: FirstDue++; FirstOnTime++; cell.FirstDue++; cell.FirstOnTime++; break;
            case false: FirstDue++; cell.FirstDue++; break;
        }

        switch (OnTime(fact.FullAnswerAt, fact.AnswerDue, asOf))
        {
            case true: AnswerDue++; AnswerOnTime++; cell.AnswerDue++; cell.AnswerOnTime++; break;
            case false: AnswerDue++; cell.AnswerDue++; break;
        }

        Reopened += fact.Reopened ? 1 : 0;
        Reassigned += fact.Reassigned ? 1 : 0;
        Repeats += repeat ? 1 : 0;
        var open = fact.Status is not (CaseStatus.Closed or CaseStatus.Rejected) && !(fact.ResolvedAt <= asOf);
        if (open)
        {
            Open++;
            if ((fact.LastStatusChangeAt ?? fact.CreatedAt) < asOf - stale)
            {
                StaleOpen++;
            }
        }
    }

    /// <summary>The raw estimate of one case indicator; null when the body has nothing to say on it.</summary>
    public Estimate? Estimate(string indicator) => indicator switch
    {
        IndicatorCatalog.FirstReplyMedian => Quantile(FirstReply, 0.5),
        IndicatorCatalog.FirstReplyP90 => Quantile(FirstReply, 0.9),
        IndicatorCatalog.FullAnswerMedian => Quantile(FullAnswer, 0.5),
        IndicatorCatalog.ResolutionMedian => Quantile(Resolution, 0.5),
        IndicatorCatalog.AnsweredShare => Share(Answered, Counted),
        IndicatorCatalog.FirstReplyOnTime => Share(FirstOnTime, FirstDue),
        IndicatorCatalog.AnswerOnTime => Share(AnswerOnTime, AnswerDue),
        IndicatorCatalog.ReopenedShare => Share(Reopened, Counted),
        IndicatorCatalog.ReassignedShare => Share(Reassigned, Counted),
        IndicatorCatalog.RepeatShare => Share(Repeats, Counted),
        _ => null,
    };

    /// <summary>
    /// Closed on time / (closed + overdue still open): true on time, false late or overdue, null not yet due (left out),
    /// so that a late case still open cannot hide.
    /// </summary>
    internal static bool? OnTime(DateTimeOffset? doneAt, DateTimeOffset? due, DateTimeOffset asOf)
    {
        if (due is null)
        {
            return null;
        }

        if (doneAt is { } done && done <= asOf)
        {
            return done <= due;
        }

        return due <= asOf ? false : null;
    }

    private static Estimate? Quantile(LogHistogram histogram, double q) =>
        histogram.Count == 0 ? null : new QuantileEstimate(histogram, q);

    private static Estimate? Share(long k, long n) => n == 0 ? null : new ShareEstimate(k, n);

    private static double Hours(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (to - from).TotalHours);
}
