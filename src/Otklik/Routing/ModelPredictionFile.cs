using System.Text;
using System.Text.Json;

namespace Otklik.Routing;

/// <summary>
/// Reads and writes out-of-fold model predictions for <see cref="RoutingEvaluation"/>: JSON lines
/// <c>{"id":"380","executors":[{"label":"Администрация города Курска","p":0.61}, ...],"topics":[{"label":"Аварийные деревья","p":0.7}]}</c>.
/// Other fields are ignored on reading; <see cref="Save"/> adds <c>"place"</c> (the territory read in the text) for
/// error analysis in scripts.
/// </summary>
public static class ModelPredictionFile
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Dictionary<string, ModelPrediction> Load(string path)
    {
        var result = new Dictionary<string, ModelPrediction>(StringComparer.Ordinal);
        var rows = JsonLinesDataFile.Read(
            path, "a prediction", "{\"id\":\"1\",\"executors\":[{\"label\":\"...\",\"p\":0.5}]}", (root, _) =>
                (Id: root.GetProperty("id").ToString(),
                 Prediction: new ModelPrediction(Labels(root.GetProperty("executors")), root.TryGetProperty("topics", out var t) && t.ValueKind != JsonValueKind.Null ? Labels(t) : null)));
        foreach (var (id, prediction) in rows)
        {
            // A repeated id: the later line wins, as before.
            result[id] = prediction;
        }

        return result;
    }

    /// <summary>Writes predictions by appeal id, with the territory found in each text where given.</summary>
    public static void Save(string path, IEnumerable<(string Id, ModelPrediction Prediction, RouteTerritory? Place)> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var (id, prediction, place) in predictions)
        {
            var row = new Dictionary<string, object?>
            {
                ["id"] = id,
                ["executors"] = prediction.Executors.Select(e => new { label = e.Label, p = Math.Round(e.Probability, 4) }),
            };
            if (prediction.Topics is not null)
            {
                row["topics"] = prediction.Topics.Select(e => new { label = e.Label, p = Math.Round(e.Probability, 4) });
            }

            if (place is not null)
            {
                row["place"] = new { region = place.Region, district = place.District, city = place.City, city_district = place.CityDistrict };
            }

            writer.Write(JsonSerializer.Serialize(row, Options));
            writer.Write('\n');
        }
    }

    private static List<ScoredLabel> Labels(JsonElement array) =>
        array.EnumerateArray().Select(e => new ScoredLabel(e.GetProperty("label").GetString() ?? string.Empty, e.GetProperty("p").GetDouble())).ToList();
}
