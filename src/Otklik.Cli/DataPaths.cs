namespace Otklik.Cli;

/// <summary>Finds the shipped data (data/geo, data/routing, data/calendar) from the current directory or the binary's, walking up.</summary>
internal static class DataPaths
{
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "data", "geo", "city.csv")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DataFileException("data/geo/city.csv", 0, string.Empty,
            "not found above the current directory or the binary; run from the repository or pass --data");
    }

    public static string Data(string? overrideDir, params string[] parts) =>
        Path.Combine([overrideDir ?? Path.Combine(Root(), "data"), .. parts]);

    /// <summary>The Kursk appeals: the demo copy in the repository when present, else the shared training file.</summary>
    public static string KurskAppeals()
    {
        var root = Root();
        var demo = Path.Combine(root, "data", "demo", "kursk-appeals.csv");
        return File.Exists(demo) ? demo : Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "appeals", "kursk-train.csv"));
    }
}
