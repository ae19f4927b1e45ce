using Otklik.Places.Internal;

namespace Otklik.Places;

public sealed partial class PlaceRecognizer
{
    private const double PopulationDominance = 5.0;
    private const long BigCityPopulation = 300_000;
    private const double HintBonus = 0.1;
    private const double StatedRegionBonus = 0.15;

    /// <summary>
    /// Picks one entry per matched name using the text's own regions and districts first, then the hint, then a
    /// clearly dominant population; what stays open is reported as ambiguous. Then weighs each place against the hint.
    /// </summary>
    private (List<PlaceMention> Mentions, List<AmbiguousPlace> Ambiguous) Resolve(
        string text, List<PlaceToken> tokens, List<RawMatch> raw, GazetteerEntry? hintRegion)
    {
        var statedRegions = raw.Where(m => m.Candidates.Count == 1 && m.Candidates[0].Kind == PlaceKind.Region && m.Confidence >= MinConfidence)
            .Select(m => m.Candidates[0].Name).ToHashSet(StringComparer.Ordinal);
        var statedDistricts = raw.Where(m => m.Candidates.All(c => c.Kind == PlaceKind.District))
            .SelectMany(m => m.Candidates.Select(c => c.Name)).ToHashSet(StringComparer.Ordinal);

        var mentions = new List<PlaceMention>();
        var ambiguous = new List<AmbiguousPlace>();
        foreach (var match in raw)
        {
            var span = new TextSpan(tokens[match.First].Start, tokens[match.Last].End - tokens[match.First].Start);
            var candidates = PreferCities(match.Candidates);
            var confidence = match.Confidence;
            if (candidates.Count > 1)
            {
                candidates = Narrow(candidates, c => statedRegions.Contains(c.Region));
                candidates = Narrow(candidates, c => c.District is not null && statedDistricts.Contains(c.District));
                if (hintRegion is not null)
                {
                    candidates = Narrow(candidates, c => c.Region == hintRegion.Name);
                }
            }

            if (candidates.Count > 1)
            {
                var byPopulation = candidates.OrderByDescending(c => c.Population ?? 0).ToList();
                if ((byPopulation[0].Population ?? 0) >= PopulationDominance * Math.Max(1, byPopulation[1].Population ?? 0))
                {
                    candidates = [byPopulation[0]];
                    confidence *= 0.8;
                }
                else
                {
                    ambiguous.Add(new AmbiguousPlace(span.Of(text), span, byPopulation));
                    continue;
                }
            }

            var entry = candidates[0];
            confidence = Weigh(confidence, entry, statedRegions, hintRegion);
            if (confidence < MinConfidence)
            {
                continue;
            }

            var name = entry.Kind == PlaceKind.Region ? entry.Name : entry.Name;
            mentions.Add(new PlaceMention(entry.Kind, name, entry.Region, entry.Kind == PlaceKind.District ? entry.Name : entry.District,
                entry, span, span.Of(text), Math.Round(confidence, 3), PlaceEvidence.Stated));
        }

        return (mentions, ambiguous);
    }

    /// <summary>In the hint's region a weak match is more believable; outside it a small town's name is more likely a word.</summary>
    private static double Weigh(double confidence, GazetteerEntry entry, HashSet<string> statedRegions, GazetteerEntry? hintRegion)
    {
        if (statedRegions.Contains(entry.Region) && entry.Kind != PlaceKind.Region)
        {
            return Math.Min(0.99, confidence + StatedRegionBonus);
        }

        if (hintRegion is null)
        {
            return confidence;
        }

        if (entry.Region == hintRegion.Name)
        {
            return Math.Min(0.99, confidence + HintBonus);
        }

        return confidence * ((entry.Population ?? 0) >= BigCityPopulation || entry.Kind == PlaceKind.Region ? 0.9 : 0.6);
    }

    /// <summary>"Москва" is a city and a region: the city carries it, the region is implied.</summary>
    private static List<GazetteerEntry> PreferCities(List<GazetteerEntry> candidates)
    {
        if (candidates.Count < 2)
        {
            return candidates;
        }

        var cityRegions = candidates.Where(c => c.Kind == PlaceKind.City).Select(c => c.Region).ToHashSet(StringComparer.Ordinal);
        return candidates.Where(c => c.Kind != PlaceKind.Region || !cityRegions.Contains(c.Name)).ToList();
    }

    private static List<GazetteerEntry> Narrow(List<GazetteerEntry> candidates, Func<GazetteerEntry, bool> keep)
    {
        var kept = candidates.Where(keep).ToList();
        return kept.Count > 0 ? kept : candidates;
    }

    /// <summary>Settlements the gazetteer does not list, introduced by a marker: "д. Калиновка", "в деревне Крутое", "с. Глебово".</summary>
    private static IEnumerable<PlaceMention> FindUnlisted(string text, List<PlaceToken> tokens, bool[] consumed, GazetteerEntry? hintRegion)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (consumed[i] || tokens[i] is not { IsWord: true, Capitalized: true } || tokens[i].Length < 3 || MarkerBefore(tokens, i) is not { } marker)
            {
                continue;
            }

            if (marker == "мкр")
            {
                continue;
            }

            var last = i;
            // "Майская Заря", "Старый Бузец": an adjective takes the next capitalized word; "Муравлево-Михайлово" stays one name.
            while (last + 1 < tokens.Count && !consumed[last + 1])
            {
                if (tokens[last + 1].Is("-") && last + 2 < tokens.Count && tokens[last + 2] is { IsWord: true, Capitalized: true })
                {
                    last += 2;
                    continue;
                }

                if (tokens[last + 1] is { IsWord: true, Capitalized: true } && IsAdjectiveForm(tokens[last].Text) && last == i)
                {
                    last++;
                    continue;
                }

                break;
            }

            for (var k = i; k <= last; k++)
            {
                consumed[k] = true;
            }

            var span = new TextSpan(tokens[i].Start, tokens[last].End - tokens[i].Start);
            var kind = PlaceVocabulary.CityMarkers.Contains(marker) ? PlaceKind.City : PlaceKind.Settlement;
            yield return new PlaceMention(kind, span.Of(text), hintRegion?.Name, null, null, span, span.Of(text), 0.7, PlaceEvidence.Unlisted);
            i = last;
        }
    }

    private static bool IsAdjectiveForm(string word) =>
        word.Length > 4 && (word.EndsWith("ый", StringComparison.Ordinal) || word.EndsWith("ий", StringComparison.Ordinal) ||
                            word.EndsWith("ая", StringComparison.Ordinal) || word.EndsWith("ое", StringComparison.Ordinal) ||
                            word.EndsWith("ой", StringComparison.Ordinal) || word.EndsWith("ом", StringComparison.Ordinal) ||
                            word.EndsWith("ые", StringComparison.Ordinal) || word.EndsWith("ее", StringComparison.Ordinal));
}
