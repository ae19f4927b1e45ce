namespace Otklik.Ratings.Method;

/// <summary>A title in Russian (the public one) and English.</summary>
public sealed record LocalizedText(string Ru, string En);
