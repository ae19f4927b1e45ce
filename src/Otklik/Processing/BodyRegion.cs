using Otklik.Folding;
using Otklik.Model;

namespace Otklik.Processing;

/// <summary>
/// Gives a case the region code of the body it is routed to when its analysis knew the region only by name (or not
/// at all): labels and the label analyzer carry names, while the inbox's and the dashboard's region filter match
/// codes, as the bodies registry has them. Migration 9 applies the same rule to the cases stored before it.
/// </summary>
public static class BodyRegion
{
    /// <summary>
    /// The place with the body's region code when it has none and its region is unknown or names the body's region
    /// ("Курская" and "Курская область" are the same; another region's name keeps the place without a code).
    /// </summary>
    public static Territory Apply(Territory place, string code, string? bodyRegion)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (place.RegionCode is not null || (place.Region is not null && bodyRegion is not null && !SameRegion(place.Region, bodyRegion)))
        {
            return place;
        }

        return place with { RegionCode = code, Region = place.Region ?? bodyRegion };
    }

    /// <summary>Whether two region names name one region: equal when folded, or one is the other plus a type word.</summary>
    public static bool SameRegion(string a, string b)
    {
        var x = RussianText.FoldName(a);
        var y = RussianText.FoldName(b);
        return x == y || x.StartsWith(y + " ", StringComparison.Ordinal) || y.StartsWith(x + " ", StringComparison.Ordinal);
    }
}
