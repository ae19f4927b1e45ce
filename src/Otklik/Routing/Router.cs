using Otklik.Places;

namespace Otklik.Routing;

/// <summary>
/// Chooses the bodies for an appeal from the routing table, the place read in the text and the text model's executor
/// prediction, and explains each choice. Topics below <see cref="MinTopicProbability"/> and beyond the first three are ignored.
/// </summary>
public sealed class Router
{
    public const double MinTopicProbability = 0.05;
    public const int TopCount = 3;

    /// <summary>A place cell needs this many training appeals before it may discount bodies it never saw there.</summary>
    public const int MinPlaceSupport = 5;

    private readonly PlaceRecognizer _places;

    public Router(RoutingTable table, PlaceRecognizer places, RouterWeights? weights = null)
    {
        Table = table ?? throw new ArgumentNullException(nameof(table));
        _places = places ?? throw new ArgumentNullException(nameof(places));
        Weights = weights ?? RouterWeights.Default;
    }

    public RoutingTable Table { get; }

    public RouterWeights Weights { get; }

    /// <summary>Reads the places of the text and routes it.</summary>
    public RouteResult Route(RoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Route(request, _places.Recognize(request.Text, request.Hint));
    }

    /// <summary>Routes with places already read (evaluation reads each text once).</summary>
    public RouteResult Route(RoutingRequest request, PlaceRecognition place)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(place);
        var territory = RouteTerritory.From(place, _places.Gazetteer, request.Hint);
        var reasons = new Dictionary<string, List<RouteReason>>(StringComparer.Ordinal);
        void Add(string body, RouteReasonKind kind, string detail, double score)
        {
            if (score <= 0)
            {
                return;
            }

            if (!reasons.TryGetValue(body, out var list))
            {
                reasons[body] = list = [];
            }

            list.Add(new RouteReason(kind, detail, Math.Round(score, 4)));
        }

        // Bodies that never answered from this place: a rule backed off to the whole region still offers the capital's
        // committees for a pothole in Железногорск; the place's own cell says who works there.
        var placeCell = Table.BestCell(null, null, territory);
        var local = placeCell.Count > 0 && placeCell[0].Support >= MinPlaceSupport && placeCell.All(r => r.Priority == 0)
            ? placeCell.Select(r => r.Body).ToHashSet(StringComparer.Ordinal)
            : null;
        foreach (var topic in (request.Topics ?? []).Where(t => t.Probability >= MinTopicProbability).OrderByDescending(t => t.Probability).Take(3))
        {
            foreach (var rule in Table.BestCell(topic.Label, Table.GroupOf(topic.Label), territory))
            {
                var foreign = local is not null && !local.Contains(rule.Body) && rule.City is null && rule.District is null && rule.CityDistrict is null;
                var detail = Describe(rule, topic.Probability) + (foreign ? $"; not seen answering from {territory.City ?? territory.District}" : string.Empty);
                Add(rule.Body, RouteReasonKind.Rule, detail, Weights.Rule * topic.Probability * rule.Weight * (foreign ? Weights.Foreign : 1));
            }
        }

        foreach (var rule in placeCell)
        {
            Add(rule.Body, RouteReasonKind.Place, Describe(rule, null), Weights.Place * rule.Weight);
        }

        foreach (var executor in request.Executors ?? [])
        {
            Add(executor.Label, RouteReasonKind.Model, $"text model p={executor.Probability:0.00}", Weights.Model * executor.Probability);
        }

        if (Table.FallbackFor(territory.Region) is { } fallback)
        {
            Add(fallback, RouteReasonKind.Fallback, $"fallback body for {territory.Region}", Weights.Fallback);
        }

        var candidates = reasons
            .Select(r => new RouteCandidate(r.Key, Math.Round(r.Value.Sum(x => x.Score), 4), r.Value.OrderByDescending(x => x.Score).ToList()))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Body, StringComparer.Ordinal)
            .Take(TopCount).ToList();
        return new RouteResult(place, territory, candidates);
    }

    private static string Describe(RoutingRule rule, double? topicProbability)
    {
        var source = rule.Priority > 0 ? $"operator rule, priority {rule.Priority}"
            : $"{rule.Weight:P0} of {rule.Support} training appeals";
        var topic = topicProbability is { } p && p < 1 ? $", topic p={p:0.00}" : string.Empty;
        return $"{rule.Condition} → {source}{topic}";
    }
}
