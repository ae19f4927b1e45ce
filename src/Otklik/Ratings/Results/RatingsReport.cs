namespace Otklik.Ratings.Results;

/// <summary>A period's ratings: every category, the nominations, and what the reader must know about the input.</summary>
/// <param name="Notes">Plain statements about the input: simulated data, unattributed cases, unreadable lines.</param>
public sealed record RatingsReport(
    string MethodologyVersion,
    string Period,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    IReadOnlyList<CategoryRatings> Categories,
    IReadOnlyList<NominationResult> Nominations,
    IReadOnlyList<string> Notes)
{
    public IEnumerable<EntityRating> AllEntities => Categories.SelectMany(c => c.Entities);
}
