using Otklik.Model;

namespace Otklik.Places;

/// <summary>
/// The places of one text. <see cref="Text"/> is the HTML-stripped text every span indexes.
/// <see cref="Region"/>, <see cref="District"/>, <see cref="City"/> are the best reading of each level
/// (stated beats implied; within those, the most confident); <see cref="Mentions"/> holds every place found.
/// </summary>
public sealed record PlaceRecognition(
    string Text,
    IReadOnlyList<PlaceMention> Mentions,
    IReadOnlyList<AmbiguousPlace> Ambiguous,
    IReadOnlyList<StreetAddress> Streets,
    PlaceField? Region,
    PlaceField? District,
    PlaceField? City,
    PlaceField? CityDistrict)
{
    /// <summary>The first street found, with its house when written.</summary>
    public StreetAddress? Street => Streets.Count > 0 ? Streets[0] : null;

    /// <summary>The place as a <see cref="Territory"/> (bare region name; display names of district and city).</summary>
    public Territory ToTerritory() =>
        Region is null && District is null && City is null
            ? Territory.Unknown
            : new Territory(Region?.Entry?.Okato, Region?.Entry?.Name ?? Region?.Value, District?.Value, City?.Value);
}
