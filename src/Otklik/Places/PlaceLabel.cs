namespace Otklik.Places;

/// <summary>The places a person read in one appeal: nominative names per level (see the fixture's SOURCE.md for the rules).</summary>
public sealed record PlaceLabel(string Id, IReadOnlyList<string> Region, IReadOnlyList<string> District, IReadOnlyList<string> City);
