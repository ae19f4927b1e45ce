namespace Otklik.Places;

/// <summary>One level of the recognized place (region, district, city...): its value, confidence and where it came from.</summary>
public sealed record PlaceField(string Value, double Confidence, TextSpan? Span, PlaceEvidence Evidence, GazetteerEntry? Entry)
{
    public override string ToString() => $"{Value} ({Confidence:0.00}{(Evidence == PlaceEvidence.Implied ? ", implied" : string.Empty)})";
}
