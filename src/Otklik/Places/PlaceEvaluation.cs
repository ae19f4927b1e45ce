using Otklik.Folding;

namespace Otklik.Places;

/// <summary>
/// Scores the recognizer against hand labels. A found place counts when its name matches a labeled one loosely
/// (each word's ending ignored), so "Верхнем Гуторово" as written matches the label "Верхнее Гуторово".
/// Regions count stated and implied ones; districts and cities only those the text states.
/// </summary>
public static class PlaceEvaluation
{
    /// <summary>Runs the recognizer on each labeled text (looked up by id in <paramref name="texts"/>); labels without a text are skipped.</summary>
    public static IReadOnlyList<PlaceScore> Evaluate(
        PlaceRecognizer recognizer, IEnumerable<PlaceLabel> labels, IReadOnlyDictionary<string, string> texts, PlaceHint? hint = null)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        var scores = new Dictionary<string, (int Tp, int Found, int Labeled)>(StringComparer.Ordinal)
        {
            ["region"] = default, ["district"] = default, ["city"] = default,
        };
        foreach (var label in labels)
        {
            if (!texts.TryGetValue(label.Id, out var text))
            {
                continue;
            }

            var found = Found(recognizer, recognizer.Recognize(text, hint));
            Count(scores, "region", found.Regions, label.Region);
            Count(scores, "district", found.Districts, label.District);
            Count(scores, "city", found.Cities, label.City);
        }

        return scores.Select(s => new PlaceScore(s.Key, s.Value.Tp, s.Value.Found, s.Value.Labeled)).ToList();
    }

    /// <summary>The names a recognition yields per level, as the evaluation compares them.</summary>
    public static (IReadOnlyList<string> Regions, IReadOnlyList<string> Districts, IReadOnlyList<string> Cities) Found(
        PlaceRecognizer recognizer, PlaceRecognition recognition)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(recognition);
        var regions = recognition.Mentions.Select(m => m.Kind == PlaceKind.Region ? m.Entry : recognizer.Gazetteer.FindRegion(m.Region))
            .Where(r => r is not null).Select(r => r!.DisplayName).Distinct(StringComparer.Ordinal).ToList();
        var districts = recognition.Mentions.Where(m => m.Kind == PlaceKind.District).Select(m => m.DisplayName).Distinct(StringComparer.Ordinal).ToList();
        var cities = recognition.Mentions.Where(m => m.Kind is PlaceKind.City or PlaceKind.Settlement).Select(m => m.DisplayName)
            .Distinct(StringComparer.Ordinal).ToList();
        return (regions, districts, cities);
    }

    private static readonly string[] Endings = ["ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями", "ой", "ей", "ий", "ый", "ая", "яя",
        "ое", "ее", "ые", "ие", "ую", "юю", "ым", "им", "ом", "ем", "ах", "ях", "ам", "ям", "а", "я", "о", "е", "у", "ю", "ы", "и", "ь", "й"];

    /// <summary>"Верхнем Гуторово" and "Верхнее Гуторово" share a key: each word loses one case ending, keeping 3 letters at least.</summary>
    public static string LooseKey(string name)
    {
        var words = RussianText.FoldName(name).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w =>
            Endings.FirstOrDefault(e => w.Length - e.Length >= 3 && w.EndsWith(e, StringComparison.Ordinal)) is { } ending ? w[..^ending.Length] : w));
    }

    private static void Count(Dictionary<string, (int Tp, int Found, int Labeled)> scores, string level, IReadOnlyList<string> found, IReadOnlyList<string> labeled)
    {
        var expected = labeled.Select(LooseKey).ToHashSet(StringComparer.Ordinal);
        var predicted = found.Select(LooseKey).ToHashSet(StringComparer.Ordinal);
        var (tp, f, l) = scores[level];
        scores[level] = (tp + predicted.Count(expected.Contains), f + predicted.Count, l + expected.Count);
    }
}
