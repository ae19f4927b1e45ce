using Otklik.Ratings.Input;

namespace Otklik.Ratings.Engine;

/// <summary>One account's posts, comments and replies in a period, as sums and one histogram: constant memory.</summary>
internal sealed class AccountAccumulator(string account)
{
    public string Account { get; } = account;
    public AccountFacts? Facts { get; set; }

    public long Posts;
    public long Views;
    public double SumEngagement;
    public double SumEngagement2;
    public double SumViews2;
    public double SumEngagementViews;
    public ulong WeeksWithPosts;
    public long Questions;
    public long QuestionsAnswered;
    public readonly LogHistogram AnswerTime = new();

    public void AddPost(ActivityEvent post, int week)
    {
        Posts++;
        Views += post.Views;
        double engagement = post.Likes + post.Reposts + post.Comments;
        SumEngagement += engagement;
        SumEngagement2 += engagement * engagement;
        SumViews2 += (double)post.Views * post.Views;
        SumEngagementViews += engagement * post.Views;
        if (week is >= 0 and < 64)
        {
            WeeksWithPosts |= 1UL << week;
        }
    }

    public Estimate? Estimate(string indicator, double weeks) => indicator switch
    {
        // n is the weeks observed, not the posts: a silent page has data (zero posts) and must not be excused for it.
        IndicatorCatalog.PostsPerWeek => new NormalEstimate(Posts / weeks, Math.Sqrt(Math.Max(Posts, 1)) / weeks, (long)Math.Round(weeks)),
        IndicatorCatalog.Regularity => new ShareEstimate(System.Numerics.BitOperations.PopCount(WeeksWithPosts), (long)Math.Round(weeks)),
        IndicatorCatalog.EngagementPerView => PerView(),
        IndicatorCatalog.EngagementPerFollower => PerFollower(),
        IndicatorCatalog.CommentsAnsweredShare => Questions == 0 ? null : new ShareEstimate(QuestionsAnswered, Questions),
        IndicatorCatalog.CommentAnswerMedian => AnswerTime.Count == 0 ? null : new QuantileEstimate(AnswerTime, 0.5),
        IndicatorCatalog.ReachPerPopulation => Facts is { Population: > 0 } f ? new FixedEstimate((double)f.Followers / f.Population.Value, 1) : null,
        IndicatorCatalog.Upkeep => Facts is { } f ? new FixedEstimate(UpkeepChecks(f) / 5.0, 5) : null,
        _ => null,
    };

    public static int UpkeepChecks(AccountFacts f) =>
        (f.GovernmentMark ? 1 : 0) + (f.Description ? 1 : 0) + (f.Contacts ? 1 : 0) + (f.AppealsLink ? 1 : 0) + (f.Pinned ? 1 : 0);

    // Reactions + comments + reposts over views, summed over posts (a ratio of sums, so a viral post weighs by its views).
    // Its standard error is the delta method's: sqrt(Σ(e − R·v)²) / Σv.
    private Estimate? PerView()
    {
        if (Posts == 0 || Views == 0)
        {
            return null;
        }

        var ratio = SumEngagement / Views;
        var residual2 = SumEngagement2 - 2 * ratio * SumEngagementViews + ratio * ratio * SumViews2;
        return new NormalEstimate(ratio, Math.Sqrt(Math.Max(0, residual2)) / Views, Posts);
    }

    private Estimate? PerFollower()
    {
        if (Posts == 0 || Facts is not { Followers: > 0 } f)
        {
            return null;
        }

        var mean = SumEngagement / Posts;
        var variance = Posts < 2 ? 0 : Math.Max(0, (SumEngagement2 - SumEngagement * mean) / (Posts - 1));
        return new NormalEstimate(mean / f.Followers, Math.Sqrt(variance / Posts) / f.Followers, Posts);
    }
}
