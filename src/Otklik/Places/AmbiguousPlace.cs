namespace Otklik.Places;

/// <summary>A name several places share, which neither the text nor the hint settled: the candidates, commonest first.</summary>
public sealed record AmbiguousPlace(string Surface, TextSpan Span, IReadOnlyList<GazetteerEntry> Candidates);
