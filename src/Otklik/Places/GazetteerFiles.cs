using System.Globalization;
using Otklik.Ingest;
using Otklik.Model;

namespace Otklik.Places;

/// <summary>
/// Loads the shipped gazetteer files (data/geo): city.csv (HFLabs "Города России", CC BY-SA 4.0),
/// *-oktmo.csv (municipal districts, okrugs and settlements from OKTMO) and places-extra.csv (operators' additions).
/// How to add places: append rows to places-extra.csv (kinds: settlement, city-district, district, municipality, alias),
/// or drop another "&lt;region&gt;-oktmo.csv" beside the others; both are read on start.
/// </summary>
public static class GazetteerFiles
{
    public const string CityFile = "city.csv";
    public const string ExtraFile = "places-extra.csv";

    /// <summary>Loads every gazetteer file in a directory; throws <see cref="DataFileException"/> naming a bad file and line.</summary>
    public static Gazetteer LoadDirectory(string directory)
    {
        var builder = new GazetteerBuilder();
        AddCities(builder, Path.Combine(directory, CityFile));
        foreach (var oktmo in Directory.EnumerateFiles(directory, "*-oktmo.csv").Order(StringComparer.Ordinal))
        {
            AddOktmo(builder, oktmo);
        }

        var extra = Path.Combine(directory, ExtraFile);
        if (File.Exists(extra))
        {
            AddExtra(builder, extra);
        }

        return builder.Build();
    }

    /// <summary>Reads city.csv: each row gives a city, its district (area) and its region; regions take the commonest UTC offset of their cities.</summary>
    public static void AddCities(GazetteerBuilder builder, string path)
    {
        var table = CsvTable.Load(path, "region_type", "region", "area_type", "area", "city", "timezone");
        var offsets = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var (regionName, regionType) = RegionName(table.Require(row, "region"), table.Require(row, "region_type"));
            var offset = ParseOffset(table, row);
            var okato = table.Get(row, "okato");
            var region = builder.FindRegion(regionName) ?? builder.Add(new GazetteerEntry(0, PlaceKind.Region, regionName, regionType, regionName,
                Okato: okato is { Length: >= 2 } ? okato[..2] : null));
            if (offset is { } o)
            {
                (offsets.TryGetValue(region.Name, out var list) ? list : offsets[region.Name] = []).Add(o);
            }

            string? district = null;
            if (table.Get(row, "area_type") == "р-н" && table.Get(row, "area") is { } area)
            {
                district = area;
                builder.Add(new GazetteerEntry(0, PlaceKind.District, area, "район", regionName));
            }

            var city = table.Get(row, "city") ?? table.Get(row, "settlement") ?? (regionType == "г" ? regionName : null);
            if (city is null)
            {
                continue;
            }

            GeoPoint? location = double.TryParse(table.Get(row, "geo_lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) &&
                double.TryParse(table.Get(row, "geo_lon"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                ? new GeoPoint(lat, lon)
                : null;
            long? population = long.TryParse(table.Get(row, "population"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
            builder.Add(new GazetteerEntry(0, PlaceKind.City, city, "г", regionName, district,
                Oktmo: table.Get(row, "oktmo"), Okato: okato, Location: location, Population: population, UtcOffset: offset));
        }

        foreach (var (name, list) in offsets)
        {
            var commonest = list.GroupBy(o => o).OrderByDescending(g => g.Count()).First().Key;
            var region = builder.FindRegion(name)!;
            builder.Add(region with { UtcOffset = commonest });
        }
    }

    /// <summary>Reads an OKTMO extract: oktmo, kind (district, city, settlement, municipality), name, type, region, district.</summary>
    public static void AddOktmo(GazetteerBuilder builder, string path)
    {
        var table = CsvTable.Load(path, "oktmo", "kind", "name", "type", "region", "district");
        foreach (var row in table.Rows)
        {
            var kind = ParseKind(table, row);
            var region = table.Require(row, "region");
            if (builder.FindRegion(region) is null)
            {
                throw new DataFileException(path, row.Line, "region", $"unknown region '{region}'; use the bare name city.csv gives (\"Курская\")");
            }

            builder.Add(new GazetteerEntry(0, kind, table.Require(row, "name"), table.Get(row, "type") ?? string.Empty, region,
                District: table.Get(row, "district"), Oktmo: table.Get(row, "oktmo")));
        }
    }

    /// <summary>Reads places-extra.csv: kind, name, type, region, district, city, population; kind "alias" names another entry.</summary>
    public static void AddExtra(GazetteerBuilder builder, string path)
    {
        var table = CsvTable.Load(path, "kind", "name", "region");
        foreach (var row in table.Rows)
        {
            var name = table.Require(row, "name");
            var region = table.Require(row, "region");
            var regionEntry = builder.FindRegion(region)
                ?? throw new DataFileException(path, row.Line, "region", $"unknown region '{region}'; use the bare name city.csv gives (\"Курская\")");
            if (table.Require(row, "kind") == "alias")
            {
                var city = table.Get(row, "city");
                var target = city is null ? regionEntry : builder.Find(PlaceKind.City, regionEntry.Name, city)
                    ?? throw new DataFileException(path, row.Line, "city", $"no city '{city}' in region '{region}' to alias");
                builder.AddAlias(name, target);
                continue;
            }

            long? population = long.TryParse(table.Get(row, "population"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
            builder.Add(new GazetteerEntry(0, ParseKind(table, row), name, table.Get(row, "type") ?? string.Empty, regionEntry.Name,
                District: table.Get(row, "district"), City: table.Get(row, "city"), Population: population));
        }
    }

    /// <summary>Normalizes city.csv's region names: "Саха /Якутия/" → "Саха", "Кемеровская область - Кузбасс" → "Кемеровская".</summary>
    internal static (string Name, string Type) RegionName(string region, string type)
    {
        var name = region;
        foreach (var cut in new[] { " /", " - " })
        {
            var at = name.IndexOf(cut, StringComparison.Ordinal);
            if (at > 0)
            {
                name = name[..at];
            }
        }

        foreach (var suffix in new[] { " Автономный округ", " область", " Республика" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
            }
        }

        return type == "Чувашия" ? (name, "Респ") : (name, type);
    }

    private static PlaceKind ParseKind(CsvTable table, Ingest.CsvRecord row) => table.Require(row, "kind") switch
    {
        "district" => PlaceKind.District,
        "municipality" => PlaceKind.Municipality,
        "city" => PlaceKind.City,
        "settlement" => PlaceKind.Settlement,
        "city-district" => PlaceKind.CityDistrict,
        var other => throw new DataFileException(table.Path, row.Line, "kind",
            $"unknown kind '{other}'; use district, municipality, city, settlement, city-district or alias"),
    };

    private static TimeSpan? ParseOffset(CsvTable table, Ingest.CsvRecord row)
    {
        var zone = table.Get(row, "timezone");
        if (zone is null)
        {
            return null;
        }

        if (zone.StartsWith("UTC", StringComparison.Ordinal) &&
            int.TryParse(zone.AsSpan(3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        throw new DataFileException(table.Path, row.Line, "timezone", $"'{zone}' is not of the form UTC+3");
    }
}
