namespace Otklik.Ratings.Method;

/// <summary>A named award: the top rated entity of a category, optionally only of one level (federal, regional, municipal).</summary>
public sealed record NominationDefinition(string Id, string Category, string? Level, LocalizedText Title);
