using Otklik.Places;

namespace Otklik.Routing;

/// <summary>The territory a route is chosen for: display names; null where unknown.</summary>
public sealed record RouteTerritory(string? Region, string? District, string? City, string? CityDistrict)
{
    public static readonly RouteTerritory None = new(null, null, null, null);

    /// <summary>The recognized place; the hint's region when the text names none.</summary>
    public static RouteTerritory From(PlaceRecognition place, Gazetteer gazetteer, PlaceHint? hint)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var region = place.Region?.Value ?? gazetteer.FindRegion(hint?.Region)?.DisplayName;
        return new RouteTerritory(region, place.District?.Value, place.City?.Value, place.CityDistrict?.Value);
    }

    public override string ToString() =>
        string.Join(", ", new[] { Region, District, City, CityDistrict }.Where(p => p is not null)) is { Length: > 0 } s ? s : "unknown";
}
