using Otklik.Folding;

namespace Otklik.Routing;

/// <summary>
/// The editable routing table: rules, per-region fallbacks and the topic → group map. A plain list of records, so a store
/// can load one as easily as <see cref="RoutingTableFile"/> does. Cells are the rules sharing one condition; the router
/// asks for the best cell for a topic and territory (see <see cref="BestCell"/>).
/// </summary>
public sealed class RoutingTable
{
    /// <summary>A derived cell with fewer training appeals than this is not trusted; the next, broader one is asked.</summary>
    public const int MinSupport = 2;

    private readonly Dictionary<CellKey, List<RoutingRule>> _cells = [];
    private readonly Dictionary<string, string> _fallbacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _groups = new(StringComparer.Ordinal);
    private readonly List<RoutingRule> _priorityRules;

    public RoutingTable(IEnumerable<RoutingRule> rules, IEnumerable<RoutingFallback> fallbacks, IReadOnlyDictionary<string, string>? topicGroups = null)
    {
        Rules = rules.ToList();
        Fallbacks = fallbacks.ToList();
        TopicGroups = topicGroups ?? new Dictionary<string, string>();
        foreach (var rule in Rules)
        {
            var key = CellKey.Of(rule);
            if (!_cells.TryGetValue(key, out var cell))
            {
                _cells[key] = cell = [];
            }

            cell.Add(rule);
        }

        foreach (var fallback in Fallbacks)
        {
            _fallbacks[RussianText.FoldName(fallback.Region)] = fallback.Body;
        }

        foreach (var (topic, group) in TopicGroups)
        {
            _groups[RussianText.FoldName(topic)] = group;
        }

        _priorityRules = Rules.Where(r => r.Priority > 0).OrderByDescending(r => r.Priority).ThenByDescending(Specificity).ToList();
    }

    public IReadOnlyList<RoutingRule> Rules { get; }

    public IReadOnlyList<RoutingFallback> Fallbacks { get; }

    public IReadOnlyDictionary<string, string> TopicGroups { get; }

    /// <summary>The group a topic belongs to, when the table knows it.</summary>
    public string? GroupOf(string? topic) => topic is not null && _groups.TryGetValue(RussianText.FoldName(topic), out var g) ? g : null;

    public string? FallbackFor(string? region) => region is not null && _fallbacks.TryGetValue(RussianText.FoldName(region), out var b) ? b : null;

    /// <summary>
    /// The rules of the best cell for a topic (null: topic-free place rules) in a territory. Operators' rules (priority
    /// above 0) that match win first, highest priority then most specific. Otherwise derived cells back off from the
    /// narrowest: topic in city okrug, city, district; group in the same; topic in region; group in region; topic anywhere.
    /// </summary>
    public IReadOnlyList<RoutingRule> BestCell(string? topic, string? group, RouteTerritory territory)
    {
        ArgumentNullException.ThrowIfNull(territory);
        var manual = _priorityRules.FirstOrDefault(r => Matches(r, topic, group, territory));
        if (manual is not null)
        {
            return _cells[CellKey.Of(manual)];
        }

        foreach (var key in Backoff(topic, group, territory))
        {
            if (_cells.TryGetValue(key, out var cell) && cell[0].Support >= MinSupport)
            {
                return cell;
            }
        }

        return [];
    }

    private static IEnumerable<CellKey> Backoff(string? topic, string? group, RouteTerritory t)
    {
        var subjects = topic is null ? new[] { (Topic: (string?)null, Group: (string?)null) } : [(topic, null), (null, group)];
        foreach (var (tp, gr) in subjects)
        {
            if (tp is null && gr is null && topic is not null)
            {
                continue;
            }

            if (t.City is not null && t.CityDistrict is not null)
            {
                yield return CellKey.Of(tp, gr, t.Region, null, t.City, t.CityDistrict);
            }

            if (t.City is not null)
            {
                yield return CellKey.Of(tp, gr, t.Region, null, t.City, null);
            }

            if (t.District is not null)
            {
                yield return CellKey.Of(tp, gr, t.Region, t.District, null, null);
            }
        }

        if (topic is null)
        {
            yield break;
        }

        yield return CellKey.Of(topic, null, t.Region, null, null, null);
        yield return CellKey.Of(null, group, t.Region, null, null, null);
        yield return CellKey.Of(topic, null, null, null, null, null);
    }

    private static bool Matches(RoutingRule r, string? topic, string? group, RouteTerritory t) =>
        (topic is null ? r.Topic is null && r.Group is null : (r.Topic is null || Same(r.Topic, topic)) && (r.Group is null || Same(r.Group, group))) &&
        (r.Region is null || Same(r.Region, t.Region)) && (r.District is null || Same(r.District, t.District)) &&
        (r.City is null || Same(r.City, t.City)) && (r.CityDistrict is null || Same(r.CityDistrict, t.CityDistrict));

    private static int Specificity(RoutingRule r) =>
        (r.Topic is null ? 0 : 4) + (r.Group is null ? 0 : 2) + (r.CityDistrict is null ? 0 : 8) + (r.City is null ? 0 : 6) +
        (r.District is null ? 0 : 5) + (r.Region is null ? 0 : 1);

    private static bool Same(string a, string? b) => b is not null && RussianText.FoldName(a) == RussianText.FoldName(b);

    private readonly record struct CellKey(string Topic, string Group, string Region, string District, string City, string CityDistrict)
    {
        public static CellKey Of(RoutingRule r) => Of(r.Topic, r.Group, r.Region, r.District, r.City, r.CityDistrict);

        public static CellKey Of(string? topic, string? group, string? region, string? district, string? city, string? cityDistrict) =>
            new(F(topic), F(group), F(region), F(district), F(city), F(cityDistrict));

        private static string F(string? s) => s is null ? string.Empty : RussianText.FoldName(s);
    }
}
