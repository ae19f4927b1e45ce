using Otklik.Ingest;

namespace Otklik.Routing;

/// <summary>
/// Derives a routing table from labeled appeals: for every cell (topic or group × city okrug, city, district, region, and
/// topic-free × place) the share of appeals each executor answered. The territory is what the recognizer reads in the
/// text, so the table is keyed the way the router will look it up. The cell of all appeals gives each body's overall share.
/// </summary>
public static class RoutingTableBuilder
{
    /// <summary>Executors holding less than this share of a cell are left out of it (noise, and a smaller file).</summary>
    public const double MinShare = 0.05;

    // The topic-free, territory-free cell: every body's share of all appeals, the router's prior (kept whole).
    private static readonly (string?, string?, string?, string?, string?, string?) Everything = (null, null, null, null, null, null);

    public static RoutingTable Derive(IEnumerable<(LabeledAppeal Appeal, RouteTerritory Territory)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var cells = new Dictionary<(string?, string?, string?, string?, string?, string?), Dictionary<string, int>>();
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var regionBodies = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);

        void Count((string?, string?, string?, string?, string?, string?) key, string body)
        {
            if (!cells.TryGetValue(key, out var counts))
            {
                cells[key] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            counts[body] = counts.GetValueOrDefault(body) + 1;
        }

        foreach (var (appeal, t) in examples)
        {
            if (appeal.Group is not null)
            {
                groups[appeal.Topic] = appeal.Group;
            }

            var body = appeal.Executor;
            // Topic, group, and topic-free (place) cells for each level of the territory.
            foreach (var (topic, group) in new[] { (appeal.Topic, (string?)null), (null, appeal.Group), (null, null) }.Distinct())
            {
                if (t.City is not null && t.CityDistrict is not null)
                {
                    Count((topic, group, t.Region, null, t.City, t.CityDistrict), body);
                }

                if (t.City is not null)
                {
                    Count((topic, group, t.Region, null, t.City, null), body);
                }

                if (t.District is not null)
                {
                    Count((topic, group, t.Region, t.District, null, null), body);
                }
            }

            Count((appeal.Topic, null, t.Region, null, null, null), body);
            if (appeal.Group is not null)
            {
                Count((null, appeal.Group, t.Region, null, null, null), body);
            }

            Count((appeal.Topic, null, null, null, null, null), body);
            Count(Everything, body);
            if (t.Region is not null)
            {
                if (!regionBodies.TryGetValue(t.Region, out var bodies))
                {
                    regionBodies[t.Region] = bodies = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                bodies[body] = bodies.GetValueOrDefault(body) + 1;
            }
        }

        var rules = new List<RoutingRule>();
        foreach (var (key, counts) in cells)
        {
            var total = counts.Values.Sum();
            foreach (var (body, n) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                var share = (double)n / total;
                if (share >= MinShare || n == counts.Values.Max() || key == Everything)
                {
                    rules.Add(new RoutingRule(key.Item1, key.Item2, key.Item3, key.Item4, key.Item5, key.Item6, body, 0, Math.Round(share, 3), total));
                }
            }
        }

        var fallbacks = regionBodies.Select(r => new RoutingFallback(r.Key,
            r.Value.OrderByDescending(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).First().Key));
        return new RoutingTable(rules, fallbacks, groups);
    }
}
