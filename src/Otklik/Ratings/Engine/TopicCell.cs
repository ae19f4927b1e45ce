namespace Otklik.Ratings.Engine;

/// <summary>A body's (or everyone's) sums on one topic: what topic-mix standardization compares.</summary>
internal sealed class TopicCell
{
    public long Cases;
    public long FirstN;
    public double FirstSumLog;
    public long FullN;
    public double FullSumLog;
    public long ResolvedN;
    public double ResolvedSumLog;
    public long Answered;
    public long FirstDue;
    public long FirstOnTime;
    public long AnswerDue;
    public long AnswerOnTime;

    public void AddTo(TopicCell total)
    {
        total.Cases += Cases;
        total.FirstN += FirstN;
        total.FirstSumLog += FirstSumLog;
        total.FullN += FullN;
        total.FullSumLog += FullSumLog;
        total.ResolvedN += ResolvedN;
        total.ResolvedSumLog += ResolvedSumLog;
        total.Answered += Answered;
        total.FirstDue += FirstDue;
        total.FirstOnTime += FirstOnTime;
        total.AnswerDue += AnswerDue;
        total.AnswerOnTime += AnswerOnTime;
    }

    /// <summary>(sum, count) of the measure an indicator standardizes: log-hours for times, yes/total for shares.</summary>
    public (double Sum, long Count) Measure(string indicator) => indicator switch
    {
        IndicatorCatalog.FirstReplyMedian or IndicatorCatalog.FirstReplyP90 => (FirstSumLog, FirstN),
        IndicatorCatalog.FullAnswerMedian => (FullSumLog, FullN),
        IndicatorCatalog.ResolutionMedian => (ResolvedSumLog, ResolvedN),
        IndicatorCatalog.AnsweredShare => (Answered, Cases),
        IndicatorCatalog.FirstReplyOnTime => (FirstOnTime, FirstDue),
        IndicatorCatalog.AnswerOnTime => (AnswerOnTime, AnswerDue),
        _ => (0, 0),
    };
}
