namespace Otklik.Ratings.Results;

/// <summary>One rated body or account: its score with a confidence interval, its rank, and why.</summary>
/// <param name="Kind">"body" or "account".</param>
/// <param name="Volume">Cases (bodies) or posts (accounts) of the period: shown beside every rate.</param>
/// <param name="Capped">Cases left out of the rates by the per-author cap.</param>
/// <param name="Score">0–100; null when not rated (see <paramref name="NotRatedReason"/>).</param>
/// <param name="TiedFrom">The first rank of the statistically tied group this entity is in; equals TiedTo when not tied.</param>
/// <param name="DataQuality">A warning such as stale statuses; null when nothing looks wrong.</param>
public sealed record EntityRating(
    string Kind,
    string Id,
    string Name,
    string Category,
    string? Level,
    bool Simulated,
    long Volume,
    long Capped,
    double? Score,
    double? ScoreLow,
    double? ScoreHigh,
    int? Rank,
    int? RankLow,
    int? RankHigh,
    int? TiedFrom,
    int? TiedTo,
    string? NotRatedReason,
    string? DataQuality,
    IReadOnlyList<IndicatorResult> Breakdown)
{
    /// <summary>Earlier periods, oldest first, then the current one; empty without history.</summary>
    public IReadOnlyList<HistoryPoint> History { get; init; } = [];

    public bool IsTied => TiedFrom is { } from && TiedTo is { } to && from != to;

    /// <summary>The score change from the previous period, if the entity was rated in both.</summary>
    public double? ScoreChange => History.Count >= 2 && History[^2].Score is { } before && Score is { } now ? now - before : null;

    /// <summary>The rank change from the previous period: positive means it climbed.</summary>
    public int? RankChange => History.Count >= 2 && History[^2].Rank is { } before && Rank is { } now ? before - now : null;
}
