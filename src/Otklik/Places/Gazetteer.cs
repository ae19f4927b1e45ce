using Otklik.Folding;

namespace Otklik.Places;

/// <summary>
/// Regions, districts, municipalities, cities, settlements and city okrugs with their codes, coordinates, population and
/// UTC offsets, plus local aliases ("Питер", "КЧР"). Immutable once built; build one with <see cref="GazetteerBuilder"/>
/// or <see cref="GazetteerFiles.LoadDirectory"/>.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, GazetteerEntry> _regions;

    internal Gazetteer(IReadOnlyList<GazetteerEntry> entries, IReadOnlyList<GazetteerAlias> aliases)
    {
        Entries = entries;
        Aliases = aliases;
        _regions = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        foreach (var region in entries.Where(e => e.Kind == PlaceKind.Region))
        {
            _regions[RussianText.FoldName(region.Name)] = region;
            _regions[RussianText.FoldName(region.DisplayName)] = region;
        }
    }

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    public IReadOnlyList<GazetteerAlias> Aliases { get; }

    /// <summary>A region by its bare or display name, any case ("Курская", "курская область"); null when unknown.</summary>
    public GazetteerEntry? FindRegion(string? name) =>
        name is not null && _regions.TryGetValue(RussianText.FoldName(name), out var region) ? region : null;

    /// <summary>Entries of a kind whose bare or display name folds to the given one.</summary>
    public IEnumerable<GazetteerEntry> Find(PlaceKind kind, string name)
    {
        var folded = RussianText.FoldName(name);
        return Entries.Where(e => e.Kind == kind &&
            (RussianText.FoldName(e.Name) == folded || RussianText.FoldName(e.DisplayName) == folded));
    }

    /// <summary>
    /// The UTC offset that applies at an entry: its own when the source gives one, else its city's, else its region's.
    /// Null when nothing is known: callers then choose (the deadline engine falls back to its configured default).
    /// </summary>
    public TimeSpan? UtcOffsetOf(GazetteerEntry entry)
    {
        if (entry.UtcOffset is { } own)
        {
            return own;
        }

        if (entry.City is not null &&
            Find(PlaceKind.City, entry.City).FirstOrDefault(c => c.Region == entry.Region) is { UtcOffset: { } cityOffset })
        {
            return cityOffset;
        }

        return FindRegion(entry.Region)?.UtcOffset;
    }
}
