using System.Runtime.CompilerServices;
using Otklik.Places;

namespace Otklik.Routing;

/// <summary>
/// Chooses the bodies for an appeal from the routing table, the place read in the text and the text model's executor
/// prediction, and explains each choice. The evidence multiplies (a log-linear mix, see <see cref="RouterWeights"/>):
/// the model's probability, times how much more often the body answered this topic in this territory than overall
/// (the table), times the same for the place alone; a town's or district's administration is favoured where the
/// appeal is, and other towns' and districts' bodies are discounted (their territory is read from their names).
/// Candidates' scores are their shares of the evidence (they sum to 1 over all candidates).
/// Topics below <see cref="MinTopicProbability"/> and beyond the first three are ignored.
/// </summary>
public sealed class Router
{
    public const double MinTopicProbability = 0.05;
    public const int TopCount = 3;

    /// <summary>Floor of a body's model probability when the model's top labels do not hold it.</summary>
    public const double MinModelProbability = 1e-4;

    // Body names are read once per recognizer, not once per router: evaluation builds hundreds of routers.
    private static readonly ConditionalWeakTable<PlaceRecognizer, BodyTerritories> SharedBodies = [];

    private readonly PlaceRecognizer _places;
    private readonly BodyTerritories _bodies;
    private readonly Dictionary<string, double> _prior;
    private readonly double _unknownPrior;

    public Router(RoutingTable table, PlaceRecognizer places, RouterWeights? weights = null)
    {
        Table = table ?? throw new ArgumentNullException(nameof(table));
        _places = places ?? throw new ArgumentNullException(nameof(places));
        _bodies = SharedBodies.GetValue(places, p => new BodyTerritories(p));
        Weights = weights ?? RouterWeights.Default;
        (_prior, _unknownPrior) = Prior(table);
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
        var w = Weights;
        var territory = RouteTerritory.From(place, _places.Gazetteer, request.Hint);
        var specific = territory.City is not null || territory.District is not null;
        var topics = (request.Topics ?? []).Where(t => t.Probability >= MinTopicProbability).OrderByDescending(t => t.Probability).Take(3)
            .Select(t => (Topic: t, Cell: Table.BestCell(t.Label, Table.GroupOf(t.Label), territory))).ToList();
        var placeCell = Table.BestCell(null, null, territory);
        var executors = request.Executors ?? [];
        var fallback = Table.FallbackFor(territory.Region);

        var candidates = new HashSet<string>(StringComparer.Ordinal);
        candidates.UnionWith(executors.Select(e => e.Label));
        candidates.UnionWith(topics.SelectMany(t => t.Cell).Select(r => r.Body));
        candidates.UnionWith(placeCell.Select(r => r.Body));
        if (specific)
        {
            candidates.UnionWith(_prior.Keys.Where(b => BodyTerritories.IsAdministration(b) && _bodies.IsLocal(_bodies.Of(b, request.Hint), territory)));
        }

        if (fallback is not null)
        {
            candidates.Add(fallback);
        }

        var modelFloor = Math.Max(MinModelProbability, (1 - executors.Sum(e => e.Probability)) / Math.Max(1, _prior.Count));
        var scored = new List<(string Body, double Log, List<RouteReason> Reasons)>();
        foreach (var body in candidates)
        {
            var prior = PriorOf(body);
            var reasons = new List<RouteReason>();
            var log = Math.Log(prior);
            void Add(RouteReasonKind kind, string detail, double value)
            {
                log += value;
                reasons.Add(new RouteReason(kind, detail, Math.Round(value, 3)));
            }

            if (executors.Count > 0)
            {
                var p = executors.FirstOrDefault(e => e.Label == body)?.Probability;
                Add(RouteReasonKind.Model, p is { } known ? $"text model p={known:0.00}" : "not among the text model's top labels",
                    w.Model * Math.Log(Math.Max(p ?? modelFloor, MinModelProbability) / prior));
            }

            AddRules(body, prior, topics, executors.Count > 0, Add);
            AddPlace(body, prior, placeCell, territory, request.Hint, Add);
            if (body == fallback)
            {
                Add(RouteReasonKind.Fallback, $"fallback body for {territory.Region}", w.Fallback);
            }

            if (reasons.Count > 0)
            {
                scored.Add((body, log, reasons));
            }
        }

        var max = scored.Count == 0 ? 0 : scored.Max(s => s.Log);
        var total = scored.Sum(s => Math.Exp((s.Log - max) / w.Temperature));
        var result = scored
            .Select(s => new RouteCandidate(s.Body, Math.Round(Math.Exp((s.Log - max) / w.Temperature) / total, 4), s.Reasons.OrderByDescending(r => r.Score).ToList()))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Body, StringComparer.Ordinal)
            .Take(TopCount).ToList();
        return new RouteResult(place, territory, result);
    }

    /// <summary>Topic × territory: operators' rules add a fixed weight; derived cells the smoothed share over the prior.</summary>
    private void AddRules(
        string body, double prior, List<(ScoredLabel Topic, IReadOnlyList<RoutingRule> Cell)> topics, bool withModel, Action<RouteReasonKind, string, double> add)
    {
        if (topics.Count == 0)
        {
            return;
        }

        double mixture = 0, mass = 0;
        RoutingRule? shown = null;
        double shownTopic = 0;
        foreach (var (topic, cell) in topics)
        {
            mass += topic.Probability;
            var rule = cell.FirstOrDefault(r => r.Body == body);
            if (cell.Count > 0 && cell[0].Priority > 0)
            {
                if (rule is not null)
                {
                    add(RouteReasonKind.Rule, Describe(rule, topic.Probability), Weights.Operator * topic.Probability);
                }

                mixture += topic.Probability * prior;
                continue;
            }

            mixture += topic.Probability * Smoothed(rule, cell, prior);
            if (rule is not null && (shown is null || topic.Probability * rule.Weight > shownTopic * shown.Weight))
            {
                (shown, shownTopic) = (rule, topic.Probability);
            }
        }

        mixture += Math.Max(0, 1 - mass) * prior;
        // Discounted only next to the model: it read the same text the topics came from. Alone, the table is the evidence.
        var value = (withModel ? Weights.Rule : 1) * Math.Log(mixture / prior);
        if (shown is not null || value < -0.01)
        {
            add(RouteReasonKind.Rule, shown is null ? "not seen answering the likely topics here" : Describe(shown, shownTopic), value);
        }
    }

    /// <summary>The place alone: the place cell's smoothed share, the local administration's extra, foreign bodies' discount.</summary>
    private void AddPlace(string body, double prior, IReadOnlyList<RoutingRule> cell, RouteTerritory territory, PlaceHint? hint, Action<RouteReasonKind, string, double> add)
    {
        var where = territory.City ?? territory.District;
        var rule = cell.FirstOrDefault(r => r.Body == body);
        if (cell.Count > 0 && cell[0].Priority > 0)
        {
            if (rule is not null)
            {
                add(RouteReasonKind.Place, Describe(rule, null), Weights.Operator);
            }

            return;
        }

        var own = _bodies.Of(body, hint);
        var local = where is not null && BodyTerritories.IsAdministration(body) && _bodies.IsLocal(own, territory);
        if (cell.Count > 0 || local)
        {
            var support = cell.Count > 0 ? cell[0].Support : 0;
            var extra = local ? Weights.Local : 0;
            var share = ((rule is null ? 0 : rule.Weight * support) + (Weights.Smoothing * prior) + extra) / (support + Weights.Smoothing + extra);
            var detail = rule is not null ? Describe(rule, null) : $"any topic in {where}: not seen answering from there";
            if (local)
            {
                detail = $"the administration of {where}, where the appeal is" + (rule is null ? string.Empty : "; " + detail);
            }

            add(RouteReasonKind.Place, detail, Weights.Place * Math.Log(share / prior));
        }

        if (_bodies.IsForeign(own, territory))
        {
            add(RouteReasonKind.Place, $"works in {own.City ?? own.District}, the appeal is about {where}", -Weights.Foreign);
        }
    }

    private double Smoothed(RoutingRule? rule, IReadOnlyList<RoutingRule> cell, double prior) =>
        cell.Count == 0 ? prior : (((rule?.Weight ?? 0) * cell[0].Support) + (Weights.Smoothing * prior)) / (cell[0].Support + Weights.Smoothing);

    private double PriorOf(string body) => _prior.TryGetValue(body, out var p) ? p : _unknownPrior;

    /// <summary>P(body): the table's topic-free, territory-free cell when it has one, else every body alike.</summary>
    private static (Dictionary<string, double> Prior, double Unknown) Prior(RoutingTable table)
    {
        var global = table.Rules.Where(r => !r.HasTopic && r.Region is null && r.District is null && r.City is null && r.CityDistrict is null && r.Priority == 0).ToList();
        var bodies = table.Rules.Select(r => r.Body).Concat(table.Fallbacks.Select(f => f.Body)).Distinct(StringComparer.Ordinal).ToList();
        var n = Math.Max(1, global.Count > 0 ? global[0].Support : bodies.Count);
        // Half an appeal for bodies the global cell does not list, so no body's prior is zero.
        var unknown = 0.5 / (n + (0.5 * bodies.Count));
        var prior = bodies.ToDictionary(b => b, _ => unknown, StringComparer.Ordinal);
        if (global.Count == 0)
        {
            return (bodies.ToDictionary(b => b, _ => 1.0 / Math.Max(1, bodies.Count), StringComparer.Ordinal), 1.0 / Math.Max(1, bodies.Count));
        }

        foreach (var r in global)
        {
            prior[r.Body] = ((r.Weight * n) + 0.5) / (n + (0.5 * bodies.Count));
        }

        return (prior, unknown);
    }

    private static string Describe(RoutingRule rule, double? topicProbability)
    {
        var source = rule.Priority > 0 ? $"operator rule, priority {rule.Priority}"
            : $"{rule.Weight:P0} of {rule.Support} training appeals";
        var topic = topicProbability is { } p && p < 1 ? $", topic p={p:0.00}" : string.Empty;
        return $"{rule.Condition} → {source}{topic}";
    }
}
