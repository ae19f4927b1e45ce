using System.Text.Json;

namespace Otklik.Places;

/// <summary>Reads hand-labeled places: JSON lines {"id": "...", "region": [...], "district": [...], "city": [...]}.</summary>
public static class PlaceLabelFile
{
    public static List<PlaceLabel> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(path, 0, string.Empty, "file not found");
        }

        var labels = new List<PlaceLabel>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                var id = root.GetProperty("id").GetString() ?? throw new DataFileException(path, line, "id", "must be a string");
                labels.Add(new PlaceLabel(id, List(root, "region"), List(root, "district"), List(root, "city")));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new DataFileException(path, line, "json", $"not a label object ({e.Message}); expected {{\"id\":\"1\",\"region\":[],\"district\":[],\"city\":[]}}");
            }
        }

        return labels;
    }

    private static List<string> List(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList() : [];
}
