using Otklik.Folding;
using Otklik.Ingest;

namespace Otklik.Ratings.Sources;

/// <summary>City populations from the gazetteer's city.csv (HFLabs, CC BY-SA 4.0), by folded city name.</summary>
public sealed class CityPopulation
{
    private readonly Dictionary<string, long> _byCity = new(StringComparer.Ordinal);

    public static string DefaultPath => Path.Combine("..", "shared", "data", "geo", "city.csv");

    /// <summary>Loads the file; an absent file gives an empty lookup (reach is then rated only where population is given).</summary>
    public static CityPopulation Load(string path)
    {
        var lookup = new CityPopulation();
        if (!File.Exists(path))
        {
            return lookup;
        }

        using var reader = new StreamReader(path);
        var csv = new CsvRecordReader(reader);
        int city = -1, region = -1, population = -1;
        while (csv.Read() is { } result)
        {
            if (result.Record is not { } record)
            {
                continue;
            }

            var f = record.Fields;
            if (city < 0)
            {
                city = IndexOf(f, "city");
                region = IndexOf(f, "region");
                population = IndexOf(f, "population");
                continue;
            }

            if (population < f.Count && long.TryParse(f[population], out var people))
            {
                // Federal cities (Moscow, St Petersburg) have an empty city column and are named as regions.
                var name = city < f.Count && f[city].Length > 0 ? f[city] : region < f.Count ? f[region] : string.Empty;
                lookup._byCity.TryAdd(RussianText.Fold(name), people);
            }
        }

        return lookup;
    }

    public long? Of(string? city) => city is not null && _byCity.TryGetValue(RussianText.Fold(city), out var people) ? people : null;

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
