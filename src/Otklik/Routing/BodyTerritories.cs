using System.Collections.Concurrent;
using Otklik.Folding;
using Otklik.Places;

namespace Otklik.Routing;

/// <summary>
/// Where a body works, read from its name by the place recognizer ("Администрация Льговского района" → Льговский район,
/// "Комитет … города Курска" → Курск, "… Курской области" → the region), and how it relates to a place found in an
/// appeal. Names the recognizer reads no place in are neutral.
/// </summary>
public sealed class BodyTerritories(PlaceRecognizer places)
{
    // Districts are named after their centre town (Льгов → Льговский район): the first five letters of the first word
    // tell them apart in the Kursk region (Курск/Курчатов, Железногорск/Железногорский) and tie a town to its district.
    private const int StemLength = 5;

    private readonly ConcurrentDictionary<string, RouteTerritory> _cache = new(StringComparer.Ordinal);

    /// <summary>The body's territory; <see cref="RouteTerritory.None"/> when its name names no place.</summary>
    public RouteTerritory Of(string body, PlaceHint? hint) =>
        _cache.GetOrAdd(body, b => RouteTerritory.From(places.Recognize(b, hint), places.Gazetteer, null));

    /// <summary>A municipal body (city or district) whose territory is the place's city, or the place's district when no city is known.</summary>
    public bool IsLocal(RouteTerritory body, RouteTerritory place)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(place);
        return body.City is not null ? Same(body.City, place.City) : body.District is not null && Same(body.District, place.District);
    }

    /// <summary>A municipal body that has nothing to do with the place found (another town or district).</summary>
    public bool IsForeign(RouteTerritory body, RouteTerritory place)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(place);
        var municipal = body.City is not null || body.District is not null;
        var specific = place.City is not null || place.District is not null;
        return municipal && specific && !new[] { body.City, body.District }.Any(b => Same(b, place.City) || Same(b, place.District));
    }

    /// <summary>A body of general competence: its administration, the one that answers for whatever its place has.</summary>
    public static bool IsAdministration(string body) => RussianText.FoldName(body).StartsWith("администрация", StringComparison.Ordinal);

    private static bool Same(string? a, string? b) => a is not null && b is not null && Stem(a) == Stem(b);

    private static string Stem(string name)
    {
        var folded = RussianText.FoldName(name);
        var space = folded.IndexOf(' ', StringComparison.Ordinal);
        var word = space > 0 ? folded[..space] : folded;
        return word.Length > StemLength ? word[..StemLength] : word;
    }
}
