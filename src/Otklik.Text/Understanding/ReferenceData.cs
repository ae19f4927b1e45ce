using Otklik.Deadlines;
using Otklik.Places;
using Otklik.Routing;
using Otklik.Text.Classification;

namespace Otklik.Text.Understanding;

/// <summary>
/// Finds and loads the shipped reference data: <c>geo/</c> (gazetteer), <c>routing/kursk-routing.csv</c> (the table
/// operators edit), <c>routing/deadlines.json</c> and <c>calendar/ru-production-2025-2027.json</c>.
/// </summary>
public static class ReferenceData
{
    public const string RoutingTable = "routing/kursk-routing.csv";
    public const string DeadlinePolicy = "routing/deadlines.json";
    public const string Calendar = "calendar/ru-production-2025-2027.json";

    /// <summary>
    /// The data folder: <paramref name="explicitFolder"/> when given; else the first <c>data/</c> holding
    /// <c>geo/city.csv</c> from the current directory up, then beside the binary (the build copies it there).
    /// </summary>
    public static string Find(string? explicitFolder = null)
    {
        if (explicitFolder is not null)
        {
            return File.Exists(Path.Combine(explicitFolder, "geo", GazetteerFiles.CityFile))
                ? explicitFolder
                : throw new DataFileException(Path.Combine(explicitFolder, "geo", GazetteerFiles.CityFile), 0, string.Empty, "reference data not found in this folder");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var data = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(data, "geo", GazetteerFiles.CityFile)))
                {
                    return data;
                }
            }
        }

        throw new DataFileException("data/geo/city.csv", 0, string.Empty, "not found above the current directory or the binary; run from the repository");
    }

    /// <summary>The gazetteer's recognizer (the slow part: a few seconds; load once).</summary>
    public static PlaceRecognizer Places(string folder) => new(GazetteerFiles.LoadDirectory(Path.Combine(folder, "geo")));

    public static DeadlinePlanner Deadlines(string folder) =>
        new(DeadlinePolicyFile.Load(Path.Combine(folder, DeadlinePolicy)), WorkingCalendarFile.Load(Path.Combine(folder, Calendar)));

    /// <summary>Model, places, the routing table file (or <paramref name="table"/>) and deadlines together.</summary>
    public static Understanding Load(TextClassifier model, string folder, RoutingTable? table = null) =>
        new(model, Places(folder), table ?? RoutingTableFile.Load(Path.Combine(folder, RoutingTable)), Deadlines(folder));
}
