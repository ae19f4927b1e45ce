namespace Otklik.Ratings.Method;

/// <summary>One indicator as the methodology uses it.</summary>
/// <param name="Id">One of <see cref="Engine.IndicatorCatalog.All"/>.</param>
/// <param name="MinN">The fewest cases, posts or comments the value may rest on; below it the indicator is "not enough data" and its weight goes to the others.</param>
/// <param name="StandardizeByTopic">Compare with other bodies on the same topics (indirect standardization). Only response measures of cases.</param>
public sealed record IndicatorDefinition(
    string Id,
    Direction Direction,
    int MinN,
    bool StandardizeByTopic,
    LocalizedText Title);
