namespace Otklik.Ratings.Engine;

/// <summary>
/// The indicators the engine knows. A methodology picks among them, gives each a direction, a minimum sample and weights.
/// </summary>
/// <remarks>
/// How to add an indicator:
/// 1. Add its id here (to <see cref="CaseIndicators"/> or <see cref="ActivityIndicators"/>).
/// 2. Accumulate what it needs in <see cref="BodyAccumulator"/> or <see cref="AccountAccumulator"/> (constant memory per entity).
/// 3. Return an <see cref="Estimate"/> for it from that accumulator's <c>Estimate</c> method: the value, the n it rests on,
///    and how to draw a bootstrap replicate.
/// 4. Add it to data/ratings/methodology-v1.json with direction, minN, title, and weights; describe it in both methodology documents.
/// 5. Extend the hand-computed fixture test (tests/Otklik.Tests/Ratings/RatingsFixtureTests.cs).
/// </remarks>
public static class IndicatorCatalog
{
    public const string FirstReplyMedian = "first_reply_median_h";
    public const string FirstReplyP90 = "first_reply_p90_h";
    public const string FullAnswerMedian = "full_answer_median_h";
    public const string ResolutionMedian = "resolution_median_h";
    public const string AnsweredShare = "answered_share";
    public const string FirstReplyOnTime = "first_reply_on_time";
    public const string AnswerOnTime = "answer_on_time";
    public const string ReopenedShare = "reopened_share";
    public const string ReassignedShare = "reassigned_share";
    public const string RepeatShare = "repeat_share";

    public const string PostsPerWeek = "posts_per_week";
    public const string Regularity = "regularity";
    public const string EngagementPerView = "engagement_per_view";
    public const string EngagementPerFollower = "engagement_per_follower";
    public const string CommentsAnsweredShare = "comments_answered_share";
    public const string CommentAnswerMedian = "comment_answer_median_h";
    public const string ReachPerPopulation = "reach_per_population";
    public const string Upkeep = "upkeep";

    public static IReadOnlyList<string> CaseIndicators { get; } =
    [
        FirstReplyMedian, FirstReplyP90, FullAnswerMedian, ResolutionMedian, AnsweredShare,
        FirstReplyOnTime, AnswerOnTime, ReopenedShare, ReassignedShare, RepeatShare,
    ];

    public static IReadOnlyList<string> ActivityIndicators { get; } =
    [
        PostsPerWeek, Regularity, EngagementPerView, EngagementPerFollower, CommentsAnsweredShare,
        CommentAnswerMedian, ReachPerPopulation, Upkeep,
    ];

    public static IReadOnlyList<string> All { get; } = [.. CaseIndicators, .. ActivityIndicators];

    public static bool IsKnown(string id) => All.Contains(id, StringComparer.Ordinal);

    public static bool IsActivity(string id) => ActivityIndicators.Contains(id, StringComparer.Ordinal);

    /// <summary>Indicators measured in hours: their typical error is multiplicative, so shrinkage works on their logarithm.</summary>
    public static bool IsTime(string id) => id.EndsWith("_h", StringComparison.Ordinal);
}
