using System.Text.Json;

namespace Otklik.Places;

/// <summary>Reads hand-labeled places: JSON lines {"id": "...", "region": [...], "district": [...], "city": [...]}.</summary>
public static class PlaceLabelFile
{
    public static List<PlaceLabel> Load(string path) =>
        JsonLinesDataFile.Read(path, "a label object", "{\"id\":\"1\",\"region\":[],\"district\":[],\"city\":[]}", (root, line) =>
            new PlaceLabel(
                root.GetProperty("id").GetString() ?? throw new DataFileException(path, line, "id", "must be a string"),
                List(root, "region"), List(root, "district"), List(root, "city")))
        .ToList();

    private static List<string> List(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList() : [];
}
