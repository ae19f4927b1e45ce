using Otklik.Deadlines;
using Otklik.Places;
using Otklik.Routing;
using Otklik.Text.Classification;

namespace Otklik.Text.Understanding;

/// <summary>
/// Everything that reads an appeal, loaded once: the text model, the place recognizer (gazetteer), the router (routing
/// table) and the deadline planner (policy, working calendar). Thread-safe; <see cref="Understand"/> is pure.
/// </summary>
public sealed class Understanding
{
    private readonly Gazetteer _gazetteer;

    public Understanding(TextClassifier model, PlaceRecognizer places, RoutingTable table, DeadlinePlanner deadlines)
    {
        ArgumentNullException.ThrowIfNull(places);
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Router = new Router(table, places);
        Deadlines = deadlines ?? throw new ArgumentNullException(nameof(deadlines));
        _gazetteer = places.Gazetteer;
    }

    public TextClassifier Model { get; }

    public Router Router { get; }

    public DeadlinePlanner Deadlines { get; }

    /// <summary>
    /// Classifies, places, routes and plans the deadlines of one appeal. Labels given win over predictions: a given topic
    /// is routed with probability 1 and a given body is the body. <paramref name="receivedAt"/> starts both clocks;
    /// <paramref name="regionHint"/> is the region of the channel or account ("Курская"), used when the text names none.
    /// </summary>
    public AppealReading Understand(string text, DateTimeOffset receivedAt, AppealLabels? labels = null, string? regionHint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        labels ??= AppealLabels.None;
        var prediction = Model.Predict(text);
        var topicGiven = labels.Topic is not null;
        var topics = topicGiven
            ? [new ScoredLabel(labels.Topic!, 1)]
            : prediction.Topic.Top.Select(t => new ScoredLabel(t.Label, t.Probability)).ToList();
        var executors = prediction.Executor.Top.Select(t => new ScoredLabel(t.Label, t.Probability)).ToList();
        var route = Router.Route(new RoutingRequest(text, topics, executors, new PlaceHint(regionHint)));
        var topic = topics[0].Label;
        var group = labels.TopicGroup
            ?? (topicGiven ? Router.Table.GroupOf(topic) : prediction.Group?.Label ?? Router.Table.GroupOf(topic));
        var entry = route.Place.City?.Entry ?? route.Place.District?.Entry ?? route.Place.Region?.Entry;
        var offset = entry is null ? _gazetteer.FindRegion(regionHint)?.UtcOffset : _gazetteer.UtcOffsetOf(entry);
        var deadlines = Deadlines.Plan(receivedAt, topic, group, text, offset);
        var body = labels.Body ?? route.Best?.Body;
        var confidence = labels.Body is not null ? 1 : RouterConfidence(route);
        return new AppealReading(prediction, route, topic, topicGiven ? 1 : prediction.Topic.Probability, group, body, confidence, deadlines);
    }

    /// <summary>
    /// How sure the router is of its first body: its share of the three candidates' evidence (near 1 when the table, the
    /// place and the model agree; about 0.5 when two bodies are equally supported). The cross-validated accuracy at
    /// several thresholds of this value is printed by <c>otklik route --eval --with-model</c>.
    /// </summary>
    public static double RouterConfidence(RouteResult route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var total = route.Candidates.Sum(c => c.Score);
        return route.Best is { } best && total > 0 ? best.Score / total : 0;
    }
}
