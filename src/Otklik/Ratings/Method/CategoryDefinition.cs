namespace Otklik.Ratings.Method;

/// <summary>A category of rated entities, compared only among themselves, with its own weights.</summary>
/// <param name="Entity">"body" (rated on cases) or "account" (rated on activity and upkeep).</param>
/// <param name="Weights">Indicator id → weight; indicators not listed do not count for this category.</param>
public sealed record CategoryDefinition(
    string Id,
    string Entity,
    LocalizedText Title,
    IReadOnlyDictionary<string, double> Weights);
