using System.Globalization;
using Otklik.Model;
using Otklik.Processing;
using Otklik.Storage.Cases;

namespace Otklik.Text.Understanding;

/// <summary>
/// The analyzer the server uses when a model is present: the text classifier, places, the router and the deadline
/// planner behind the <see cref="IMessageAnalyzer"/> seam. Labels given with the message win over predictions. The
/// confidence is the body's (1 when given, else the router's); below <c>Otklik:Processing:AutoAssignConfidence</c> the
/// processor leaves the case new, with the suggested body, in the operator queue. Predictions are stored with the
/// model version as label source (<c>model:VERSION</c>, or <c>input+model:VERSION</c> when some labels were given).
/// </summary>
public sealed class ModelAnalyzer(Understanding understanding, UnderstandingOptions options) : IMessageAnalyzer
{
    public MessageAnalysis Analyze(StoredMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var m = message.Message;
        var labels = new AppealLabels(m.TopicGroupHint, m.TopicHint, m.BodyHint);
        var region = options.RegionFor(m.Channel, m.RegionHint);
        var reading = understanding.Understand(m.Text, m.ReceivedAt, labels, region);
        var place = reading.Route.Place.ToTerritory();
        if (place.IsUnknown)
        {
            place = new Territory(null, region, null, m.CityHint);
        }

        return new MessageAnalysis(
            reading.TopicGroup, reading.Topic, place, reading.Body, reading.BodyConfidence, Reasons(reading, labels),
            LabelSource(labels, understanding.Model.ModelVersion), reading.Deadlines.FirstReplyDue, reading.Deadlines.FullAnswerDue);
    }

    /// <summary>"input" when every label was given, "model:VERSION" when none was, "input+model:VERSION" in between.</summary>
    public static string LabelSource(AppealLabels labels, string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var given = (labels.Topic is null ? 0 : 1) + (labels.Body is null ? 0 : 1);
        return given == 2 ? "input" : given == 0 ? "model:" + modelVersion : "input+model:" + modelVersion;
    }

    /// <summary>Why, for the case page: what was given, the model's top 3, the route with its reasons, the place and the clocks.</summary>
    public static List<string> Reasons(AppealReading reading, AppealLabels labels)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(labels);
        var reasons = new List<string>();
        var p = reading.Prediction;
        reasons.Add(labels.Topic is not null ? "label: topic given with the message" : $"model {p.ModelVersion}: topic {Top(p.Topic)}");
        if (labels.Body is not null)
        {
            reasons.Add("label: body given with the message");
        }

        reasons.Add($"model {p.ModelVersion}: executor {Top(p.Executor)}");
        var rank = 1;
        foreach (var candidate in reading.Route.Candidates)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"route #{rank++} {candidate.Body} (score {candidate.Score:0.000}): {string.Join("; ", candidate.Reasons.Select(r => r.ToString()))}"));
        }

        reasons.Add(string.Create(CultureInfo.InvariantCulture, $"place: {reading.Route.Territory}; body confidence {reading.BodyConfidence:0.00}"));
        var d = reading.Deadlines;
        reasons.Add(string.Create(CultureInfo.InvariantCulture,
            $"deadlines ({d.Rule}, UTC{(d.UtcOffset < TimeSpan.Zero ? "-" : "+")}{d.UtcOffset:hh\\:mm}): first reply by {d.FirstReplyDue:yyyy-MM-dd HH:mm}, full answer by {d.FullAnswerDue:yyyy-MM-dd HH:mm}"));
        return reasons;
    }

    private static string Top(Classification.HeadPrediction head) =>
        string.Join(", ", head.Top.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Label} p={t.Probability:0.00}")));
}
