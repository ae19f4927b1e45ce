using Otklik.Model;
using Otklik.Ratings.Engine;
using Otklik.Ratings.Input;
using Otklik.Ratings.Method;

namespace Otklik.Tests.Ratings;

/// <summary>Builders for small hand-made rating inputs.</summary>
internal static class RatingsFixture
{
    public static readonly TimeSpan Moscow = TimeSpan.FromHours(3);
    public static readonly RatingPeriod Q1 = RatingPeriod.TryParse("2021-Q1")!;

    public static DateTimeOffset At(int month, int day, double hours = 0) =>
        new DateTimeOffset(2021, month, day, 0, 0, 0, Moscow).AddHours(hours);

    public static CaseFact Case(
        string body, DateTimeOffset created, double? firstReplyHours, string category = "regional", string? topic = "roads", string? place = null,
        double? fullAnswerHours = null, double? resolvedHours = null, double firstDueHours = 24, double answerDueDays = 30,
        bool reopened = false, bool reassigned = false, CaseStatus status = CaseStatus.Answered, double? lastChangeHours = null, string? author = null) => new()
    {
        CaseId = $"{body}-{created:MMddHH}",
        BodyId = body,
        BodyName = "Body " + body,
        Category = category,
        Topic = topic,
        Place = place,
        Author = author,
        CreatedAt = created,
        FirstReplyAt = firstReplyHours is { } f ? created.AddHours(f) : null,
        FullAnswerAt = fullAnswerHours is { } a ? created.AddHours(a) : null,
        ResolvedAt = resolvedHours is { } r ? created.AddHours(r) : null,
        FirstReplyDue = created.AddHours(firstDueHours),
        AnswerDue = created.AddDays(answerDueDays),
        Status = resolvedHours is null ? status : CaseStatus.Closed,
        Reopened = reopened,
        Reassigned = reassigned,
        LastStatusChangeAt = created.AddHours(lastChangeHours ?? resolvedHours ?? fullAnswerHours ?? firstReplyHours ?? 0),
    };

    public static IndicatorDefinition Indicator(string id, int minN = 1, bool standardize = false) =>
        new(id, Higher(id) ? Direction.HigherIsBetter : Direction.LowerIsBetter, minN, standardize, new LocalizedText(id, id));

    public static Methodology Method(
        IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyDictionary<string, double> bodyWeights, IReadOnlyDictionary<string, double>? pageWeights = null,
        bool shrinkage = false, int replicates = 0, double minWeightShare = 0.5, int maxCasesPerAuthor = 5) => new(
        "test",
        new LocalizedText("тест", "test"),
        "quarter",
        ObservationDays: 30,
        StaleDays: 60,
        StaleShareFlag: 0.1,
        RepeatWindowDays: 90,
        MaxCasesPerAuthor: maxCasesPerAuthor,
        Shrinkage: shrinkage,
        MinWeightShare: minWeightShare,
        new BootstrapSettings(replicates, 42, 0.95),
        indicators,
        [
            new CategoryDefinition("regional", "body", new LocalizedText("РОИВ", "Regional"), bodyWeights),
            new CategoryDefinition("official-page", "account", new LocalizedText("Паблики", "Pages"), pageWeights ?? new Dictionary<string, double>()),
        ],
        [new NominationDefinition("best-regional-body", "regional", null, new LocalizedText("Лучший", "Best"))]);

    private static bool Higher(string id) => id is IndicatorCatalog.AnsweredShare or IndicatorCatalog.FirstReplyOnTime or IndicatorCatalog.AnswerOnTime
        or IndicatorCatalog.PostsPerWeek or IndicatorCatalog.Regularity or IndicatorCatalog.EngagementPerView or IndicatorCatalog.EngagementPerFollower
        or IndicatorCatalog.CommentsAnsweredShare or IndicatorCatalog.ReachPerPopulation or IndicatorCatalog.Upkeep;
}
