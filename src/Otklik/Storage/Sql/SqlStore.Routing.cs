using System.Data.Common;
using Otklik.Routing;

namespace Otklik.Storage.Sql;

internal abstract partial class SqlStore
{
    public async Task<int> ReplaceRoutingTableAsync(RoutingTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var clear = connection.Command("DELETE FROM routing_rules", transaction))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = connection.Command(
            """
            INSERT INTO routing_rules (kind, topic, topic_group, region, district, city, city_district, body, priority, weight, support)
            VALUES (@kind, @topic, @group, @region, @district, @city, @city_district, @body, @priority, @weight, @support)
            """, transaction);
        var p = new[] { "@kind", "@topic", "@group", "@region", "@district", "@city", "@city_district", "@body", "@priority", "@weight", "@support" }
            .Select(name => insert.Add(name, null)).ToArray();
        var rows = 0;
        async Task Row(string kind, string? topic, string? group, string? region, string? district, string? city, string? cityDistrict,
            string? body, int priority, double weight, int support)
        {
            object?[] values = [kind, topic, group, region, district, city, cityDistrict, body, priority, weight, support];
            for (var i = 0; i < p.Length; i++)
            {
                p[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            rows++;
        }

        foreach (var (topic, group) in table.TopicGroups)
        {
            await Row("topic-group", topic, group, null, null, null, null, null, 0, 1, 0).ConfigureAwait(false);
        }

        foreach (var f in table.Fallbacks)
        {
            await Row("fallback", null, null, f.Region, null, null, null, f.Body, 0, 1, 0).ConfigureAwait(false);
        }

        foreach (var r in table.Rules)
        {
            await Row("rule", r.Topic, r.Group, r.Region, r.District, r.City, r.CityDistrict, r.Body, r.Priority, r.Weight, r.Support)
                .ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    public async Task<RoutingTable?> LoadRoutingTableAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT kind, topic, topic_group, region, district, city, city_district, body, priority, weight, support FROM routing_rules ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rules = new List<RoutingRule>();
        var fallbacks = new List<RoutingFallback>();
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (reader.GetString(0))
            {
                case "topic-group":
                    groups[reader.GetString(1)] = reader.GetString(2);
                    break;
                case "fallback":
                    fallbacks.Add(new RoutingFallback(reader.GetString(3), reader.GetString(7)));
                    break;
                default:
                    rules.Add(new RoutingRule(
                        reader.NullableString(1), reader.NullableString(2), reader.NullableString(3), reader.NullableString(4),
                        reader.NullableString(5), reader.NullableString(6), reader.GetString(7),
                        Int(reader, 8), reader.GetDouble(9), Int(reader, 10)));
                    break;
            }
        }

        return rules.Count == 0 && fallbacks.Count == 0 && groups.Count == 0 ? null : new RoutingTable(rules, fallbacks, groups);
    }

    // SQLite hands back 64-bit integers, PostgreSQL's integer column 32-bit ones.
    private static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
