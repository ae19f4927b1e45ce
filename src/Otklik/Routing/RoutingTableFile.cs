using System.Globalization;
using System.Text;
using Otklik.Ingest;

namespace Otklik.Routing;

/// <summary>
/// The routing table as CSV, one row per rule, with a header:
/// <c>kind,topic,group,region,district,city,city_district,body,priority,weight,support</c>.
/// <list type="bullet">
/// <item><c>rule</c>: empty condition cells are wildcards; <c>body</c> is required. An operator's override: priority 1 or more,
/// weight 1 (e.g. <c>rule,Аварийные деревья,,Курская область,,Льгов,,Администрация города Льгов,10,1,0</c>).</item>
/// <item><c>fallback</c>: <c>region</c> and <c>body</c>: where a region's unroutable appeals go.</item>
/// <item><c>topic-group</c>: <c>topic</c> and <c>group</c>: lets rules written for a group apply to its topics.</item>
/// </list>
/// Priority defaults to 0, weight to 1, support to 0. Rows are read in any order; unknown columns are ignored (keep notes there).
/// </summary>
public static class RoutingTableFile
{
    private static readonly string[] Header = ["kind", "topic", "group", "region", "district", "city", "city_district", "body", "priority", "weight", "support"];

    public static RoutingTable Load(string path)
    {
        var table = CsvTable.Load(path, "kind", "body");
        var rules = new List<RoutingRule>();
        var fallbacks = new List<RoutingFallback>();
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            switch (table.Require(row, "kind"))
            {
                case "rule":
                    rules.Add(new RoutingRule(
                        table.Get(row, "topic"), table.Get(row, "group"), table.Get(row, "region"), table.Get(row, "district"),
                        table.Get(row, "city"), table.Get(row, "city_district"), table.Require(row, "body"),
                        Int(table, row, "priority", 0), Double(table, row, "weight", 1), Int(table, row, "support", 0)));
                    break;
                case "fallback":
                    fallbacks.Add(new RoutingFallback(table.Require(row, "region"), table.Require(row, "body")));
                    break;
                case "topic-group":
                    groups[table.Require(row, "topic")] = table.Require(row, "group");
                    break;
                case var other:
                    throw new DataFileException(path, row.Line, "kind", $"unknown kind '{other}'; use rule, fallback or topic-group");
            }
        }

        return new RoutingTable(rules, fallbacks, groups);
    }

    public static void Save(RoutingTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        sb.AppendJoin(',', Header).Append('\n');
        foreach (var (topic, group) in table.TopicGroups.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Row(sb, "topic-group", topic, group, null, null, null, null, string.Empty, string.Empty, string.Empty, string.Empty);
        }

        foreach (var f in table.Fallbacks)
        {
            Row(sb, "fallback", null, null, f.Region, null, null, null, f.Body, string.Empty, string.Empty, string.Empty);
        }

        foreach (var r in table.Rules)
        {
            Row(sb, "rule", r.Topic, r.Group, r.Region, r.District, r.City, r.CityDistrict, r.Body,
                r.Priority.ToString(CultureInfo.InvariantCulture), r.Weight.ToString("0.###", CultureInfo.InvariantCulture),
                r.Support.ToString(CultureInfo.InvariantCulture));
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private static void Row(StringBuilder sb, string kind, params string?[] cells)
    {
        sb.Append(kind);
        foreach (var cell in cells)
        {
            sb.Append(',');
            if (cell is null)
            {
                continue;
            }

            if (cell.AsSpan().IndexOfAny(",\"\n\r") >= 0)
            {
                sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(cell);
            }
        }

        sb.Append('\n');
    }

    private static int Int(CsvTable table, CsvRecord row, string column, int fallback) =>
        table.Get(row, column) is not { } s ? fallback
        : int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
        : throw new DataFileException(table.Path, row.Line, column, $"'{s}' is not a whole number");

    private static double Double(CsvTable table, CsvRecord row, string column, double fallback) =>
        table.Get(row, column) is not { } s ? fallback
        : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v
        : throw new DataFileException(table.Path, row.Line, column, $"'{s}' is not a non-negative number (use a dot: 0.75)");
}
