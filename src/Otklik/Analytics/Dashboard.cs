namespace Otklik.Analytics;

/// <summary>Everything the analytics dashboard draws, for one filter. Days are 'YYYY-MM-DD' (UTC).</summary>
/// <param name="Bucket">"day" for periods up to 31 days, else "week": Monday-to-Sunday weeks, <paramref name="From"/> moved back to the first Monday.</param>
/// <param name="AsOf">The server's clock when the numbers were read (the demo's simulated clock in demo mode).</param>
public sealed record Dashboard(
    string From,
    string To,
    string Bucket,
    DateTimeOffset AsOf,
    DashboardTotals Totals,
    DashboardVolumes Volumes,
    IReadOnlyList<TopProblem> TopProblems,
    AnswerTimes ResponseTimes,
    IReadOnlyList<BodyStats> Bodies,
    IReadOnlyList<PlaceStats> Places,
    IReadOnlyList<Spike> Spikes);
