namespace Otklik.Places;

/// <summary>
/// A place found in a text. <see cref="Entry"/> is null for an <see cref="PlaceEvidence.Unlisted"/> settlement, whose
/// <see cref="Name"/> is then the words as written. <see cref="Region"/>/<see cref="District"/> are the parents' bare names.
/// </summary>
public sealed record PlaceMention(
    PlaceKind Kind,
    string Name,
    string? Region,
    string? District,
    GazetteerEntry? Entry,
    TextSpan Span,
    string Surface,
    double Confidence,
    PlaceEvidence Evidence)
{
    /// <summary>The display name ("Льговский район", "Курская область"), or the written name for an unlisted place.</summary>
    public string DisplayName => Entry?.DisplayName ?? Name;

    public override string ToString() => $"{Kind} {DisplayName} {Span} {Confidence:0.00}";
}
