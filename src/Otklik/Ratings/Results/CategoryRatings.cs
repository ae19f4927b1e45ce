using Otklik.Ratings.Method;

namespace Otklik.Ratings.Results;

/// <summary>The entities of one category, rated ones by rank first, then the unrated ones with their reasons.</summary>
public sealed record CategoryRatings(string Id, LocalizedText Title, string Entity, IReadOnlyList<EntityRating> Entities);
