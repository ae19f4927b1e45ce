namespace Otklik.Places;

public sealed partial class PlaceRecognizer
{
    private const double ImpliedFactor = 0.9;

    private PlaceRecognition Summarize(string text, List<PlaceMention> mentions, List<AmbiguousPlace> ambiguous, List<StreetAddress> streets)
    {
        PlaceField? Best(params PlaceKind[] kinds) =>
            mentions.Where(m => kinds.Contains(m.Kind)).OrderByDescending(m => m.Confidence).ThenBy(m => m.Span.Start)
                .Select(m => new PlaceField(m.DisplayName, m.Confidence, m.Span, m.Evidence, m.Entry)).FirstOrDefault();

        var city = Best(PlaceKind.City, PlaceKind.Settlement);
        var cityDistrict = Best(PlaceKind.CityDistrict);
        var district = Best(PlaceKind.District);
        if (district is null)
        {
            // A settlement or selsovet names its district in the gazetteer: Обоянь lies in the Обоянский район.
            var source = mentions.Where(m => m.Kind is PlaceKind.City or PlaceKind.Settlement or PlaceKind.Municipality && m.District is not null && m.Entry is not null)
                .OrderByDescending(m => m.Confidence).FirstOrDefault();
            if (source is not null && Gazetteer.Find(PlaceKind.District, source.District!).FirstOrDefault(d => d.Region == source.Region) is { } entry)
            {
                district = new PlaceField(entry.DisplayName, Math.Round(source.Confidence * ImpliedFactor, 3), source.Span, PlaceEvidence.Implied, entry);
            }
        }

        var region = Best(PlaceKind.Region);
        if (region is null)
        {
            var source = mentions.Where(m => m.Region is not null).OrderByDescending(m => m.Confidence).FirstOrDefault();
            if (source is not null && Gazetteer.FindRegion(source.Region) is { } entry)
            {
                region = new PlaceField(entry.DisplayName, Math.Round(source.Confidence * ImpliedFactor, 3), source.Span, PlaceEvidence.Implied, entry);
            }
        }

        return new PlaceRecognition(text, mentions, ambiguous, streets, region, district, city, cityDistrict);
    }
}
