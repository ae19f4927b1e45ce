using System.Text.Json;

namespace Otklik.Routing;

/// <summary>
/// Reads out-of-fold model predictions for <see cref="RoutingEvaluation"/>: JSON lines
/// <c>{"id":"380","executors":[{"label":"Администрация города Курска","p":0.61}, ...],"topics":[{"label":"Аварийные деревья","p":0.7}]}</c>.
/// </summary>
public static class ModelPredictionFile
{
    public static Dictionary<string, ModelPrediction> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(path, 0, string.Empty, "file not found");
        }

        var result = new Dictionary<string, ModelPrediction>(StringComparer.Ordinal);
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
                var id = root.GetProperty("id").ToString();
                var topics = root.TryGetProperty("topics", out var t) ? Labels(t) : null;
                result[id] = new ModelPrediction(Labels(root.GetProperty("executors")), topics);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new DataFileException(path, line, "json",
                    $"not a prediction ({e.Message}); expected {{\"id\":\"1\",\"executors\":[{{\"label\":\"...\",\"p\":0.5}}]}}");
            }
        }

        return result;
    }

    private static List<ScoredLabel> Labels(JsonElement array) =>
        array.EnumerateArray().Select(e => new ScoredLabel(e.GetProperty("label").GetString() ?? string.Empty, e.GetProperty("p").GetDouble())).ToList();
}
