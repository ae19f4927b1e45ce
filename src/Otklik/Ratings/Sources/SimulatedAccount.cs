namespace Otklik.Ratings.Sources;

/// <summary>How a demo account behaves: the knobs the simulation turns.</summary>
/// <param name="PostsPerDay">Average posts on an active day.</param>
/// <param name="QuietWeekShare">Share of weeks with no posts at all (irregular pages).</param>
/// <param name="MeanViews">Typical views of a post.</param>
/// <param name="EngagementRate">Likes + reposts + comments per view.</param>
/// <param name="AnswerShare">Share of residents' questions the account answers.</param>
/// <param name="AnswerMedianHours">Median time to that answer.</param>
internal sealed record SimulatedAccount(
    string Account,
    string Name,
    string Category,
    string Level,
    string City,
    long Followers,
    bool GovernmentMark,
    bool Description,
    bool Contacts,
    bool AppealsLink,
    bool Pinned,
    double PostsPerDay,
    double QuietWeekShare,
    double MeanViews,
    double EngagementRate,
    double AnswerShare,
    double AnswerMedianHours);
