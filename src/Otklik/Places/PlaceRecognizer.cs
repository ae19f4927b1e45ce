using Otklik.Folding;
using Otklik.Places.Internal;

namespace Otklik.Places;

/// <summary>
/// Finds regions, districts, cities, settlements, city okrugs, streets and houses in Russian text, in any grammatical
/// case and the usual abbreviations ("в Льгове", "Льговского р-на", "г.Курск", "д. Старый Бузец", "ул. Союзная д. 71Б").
/// Every case form of every gazetteer name is generated once into a dictionary keyed by its first folded token, so a
/// text costs one look-up per word whatever the gazetteer's size. Thread-safe after construction.
/// </summary>
public sealed partial class PlaceRecognizer
{
    /// <summary>Mentions below this confidence are dropped.</summary>
    public const double MinConfidence = 0.5;

    private readonly Dictionary<string, List<NamePattern>> _index = new(StringComparer.Ordinal);

    public PlaceRecognizer(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        Gazetteer = gazetteer;
        foreach (var entry in gazetteer.Entries)
        {
            if (entry is { Kind: PlaceKind.Region, TypeName: "г" })
            {
                // Москва, Санкт-Петербург, Севастополь: the city entry carries the name; the region is implied by it.
                continue;
            }

            var (types, optional) = TypeWordsOf(entry);
            foreach (var form in PlaceInflection.Forms(RussianText.FoldName(entry.Name)))
            {
                AddPattern(new NamePattern(PlaceTokenizer.Key(form), entry, types, optional, IsAlias: false));
            }
        }

        foreach (var alias in gazetteer.Aliases)
        {
            var folded = RussianText.FoldName(alias.Alias);
            var forms = folded.Length <= 4 ? [folded] : PlaceInflection.Forms(folded);
            foreach (var form in forms)
            {
                AddPattern(new NamePattern(PlaceTokenizer.Key(form), alias.Target, null, false, IsAlias: true));
            }
        }
    }

    public Gazetteer Gazetteer { get; }

    /// <summary>Recognizes the places of a text (HTML allowed). Spans index the result's <see cref="PlaceRecognition.Text"/>.</summary>
    public PlaceRecognition Recognize(string text, PlaceHint? hint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stripped = RussianText.StripHtml(text);
        var tokens = PlaceTokenizer.Tokenize(stripped);
        var consumed = new bool[tokens.Count];
        var streets = FindStreets(stripped, tokens, consumed);
        var raw = FindNames(tokens, consumed);
        var hintRegion = Gazetteer.FindRegion(hint?.Region);
        var (mentions, ambiguous) = Resolve(stripped, tokens, raw, hintRegion);
        mentions.AddRange(FindUnlisted(stripped, tokens, consumed, hintRegion));
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return Summarize(stripped, mentions, ambiguous, streets);
    }

    private void AddPattern(NamePattern pattern)
    {
        if (pattern.Tokens.Length == 0)
        {
            return;
        }

        if (!_index.TryGetValue(pattern.Tokens[0], out var list))
        {
            _index[pattern.Tokens[0]] = list = [];
        }

        list.Add(pattern);
    }

    /// <summary>Adjective names need their type word ("Льговский" only with "район"); region adjectives may stand alone, weakly.</summary>
    private static (string[][]? Types, bool Optional) TypeWordsOf(GazetteerEntry entry) => entry.Kind switch
    {
        PlaceKind.District => (PlaceVocabulary.District, false),
        PlaceKind.Municipality => (PlaceVocabulary.Selsovet, false),
        PlaceKind.CityDistrict => (PlaceVocabulary.CityOkrug, false),
        PlaceKind.Region => entry.TypeName switch
        {
            "обл" => (PlaceVocabulary.Region, true),
            "край" => (PlaceVocabulary.Krai, false),
            "АО" => (PlaceVocabulary.Okrug, false),
            "Аобл" => (PlaceVocabulary.AutonomousOblast, false),
            "Респ" when entry.Name.EndsWith("ая", StringComparison.Ordinal) => (PlaceVocabulary.Republic, true),
            _ => (null, false),
        },
        _ => (null, false),
    };
}
