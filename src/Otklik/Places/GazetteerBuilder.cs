using Otklik.Folding;

namespace Otklik.Places;

/// <summary>
/// Collects entries from several sources; a later source never duplicates an entry an earlier one gave
/// (same kind, region, folded name): the city file comes first because it carries coordinates and time zones.
/// </summary>
public sealed class GazetteerBuilder
{
    private readonly List<GazetteerEntry> _entries = [];
    private readonly List<GazetteerAlias> _aliases = [];
    private readonly Dictionary<(PlaceKind, string, string), int> _index = [];

    /// <summary>Adds an entry, or returns the existing one with the same kind, region and name (filling its gaps).</summary>
    public GazetteerEntry Add(GazetteerEntry entry)
    {
        var key = (entry.Kind, RussianText.FoldName(entry.Region), RussianText.FoldName(entry.Name));
        if (_index.TryGetValue(key, out var at))
        {
            var old = _entries[at];
            var merged = old with
            {
                District = old.District ?? entry.District,
                City = old.City ?? entry.City,
                Oktmo = old.Oktmo ?? entry.Oktmo,
                Okato = old.Okato ?? entry.Okato,
                Location = old.Location ?? entry.Location,
                Population = old.Population ?? entry.Population,
                UtcOffset = old.UtcOffset ?? entry.UtcOffset,
            };
            _entries[at] = merged;
            return merged;
        }

        var added = entry with { Id = _entries.Count + 1 };
        _index[key] = _entries.Count;
        _entries.Add(added);
        return added;
    }

    /// <summary>The entry of a kind in a region with the given bare name, if added.</summary>
    public GazetteerEntry? Find(PlaceKind kind, string region, string name) =>
        _index.TryGetValue((kind, RussianText.FoldName(region), RussianText.FoldName(name)), out var at) ? _entries[at] : null;

    /// <summary>The region whose bare name is given, if added.</summary>
    public GazetteerEntry? FindRegion(string name) =>
        _entries.FirstOrDefault(e => e.Kind == PlaceKind.Region && RussianText.FoldName(e.Name) == RussianText.FoldName(name));

    public void AddAlias(string alias, GazetteerEntry target) => _aliases.Add(new GazetteerAlias(alias, target));

    public Gazetteer Build() => new(_entries.ToList(), _aliases.ToList());
}
