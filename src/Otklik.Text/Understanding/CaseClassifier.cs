using System.Globalization;
using Otklik.Cases;
using Otklik.Model;
using Otklik.Storage.Cases;

namespace Otklik.Text.Understanding;

/// <summary>
/// Classifies the cases an import (or an older import, before a model existed) left without a topic or a body: the
/// labels they came with win, predictions fill the rest and are stored with their confidence and the model version.
/// At or above <paramref name="autoAssignConfidence"/> the case is assigned to its body; below, it stays new with
/// the suggested body, in the operator queue. Reentrant: a case once predicted is not picked again.
/// </summary>
public sealed class CaseClassifier(CaseDatabase database, Func<Understanding> understanding, UnderstandingOptions options, double autoAssignConfidence, TimeProvider time)
{
    private const int Batch = 500;

    /// <summary>Returns how many cases were classified and how many of them were assigned. Loads the model only when there is work.</summary>
    public async Task<(int Classified, int Assigned)> ClassifyAsync(CancellationToken cancellationToken = default)
    {
        Understanding? loaded = null;
        int classified = 0, assigned = 0;
        long after = 0;
        while (true)
        {
            await using var session = await database.OpenAsync(write: true, cancellationToken);
            await session.BeginWritingAsync(cancellationToken);
            var cases = await session.UnclassifiedCasesAsync(after, Batch, cancellationToken);
            if (cases.Count == 0)
            {
                return (classified, assigned);
            }

            loaded ??= understanding();
            var readings = cases.Select(c =>
            {
                var labels = new AppealLabels(c.TopicGroup, c.Topic, c.BodyName);
                return (Case: c, Labels: labels, Reading: loaded.Understand(c.Text, c.ReceivedAt, labels, options.RegionFor(c.Channel, null)));
            }).ToList();

            // The bodies first, before any case row is held: adding one waits for other transactions adding bodies
            // (PostgreSQL: WriteLocks.Bodies), and a message writer holding that lock may need a row of these cases.
            var bodies = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var name in readings.Select(r => r.Reading.Body).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                bodies[name] = await session.FindBodyByNameAsync(name, cancellationToken)
                    ?? await session.AddBodyAsync(new Body(0, name, null, BodyLevel.Other, null, null, Territory.Unknown, null), cancellationToken);
            }

            var now = time.GetUtcNow();
            // Every prediction leaves an event: the audit trail shows what the model set and why, and the analytics
            // rollups and the ratings cache mark see a changed case only through its events (by id watermarks).
            var events = new List<CaseEvent>(cases.Count * 2);
            var predictions = new List<CasePrediction>(cases.Count);
            foreach (var (c, labels, reading) in readings)
            {
                long? bodyId = reading.Body is { } name ? bodies[name] : null;
                var assign = bodyId is not null && reading.BodyConfidence >= autoAssignConfidence;
                var source = ModelAnalyzer.LabelSource(labels, loaded.Model.ModelVersion);
                var reasons = ModelAnalyzer.Reasons(reading, labels);
                predictions.Add(new CasePrediction(c.Id, reading.TopicGroup, reading.Topic, bodyId, assign, source, reading.BodyConfidence, reasons,
                    reading.Deadlines.FirstReplyDue, reading.Deadlines.FullAnswerDue));
                events.Add(new CaseEvent(0, c.Id, now, Actors.System, EventKinds.Predicted, EventKinds.TopicValue(c.TopicGroup, c.Topic),
                    EventKinds.TopicValue(reading.TopicGroup, reading.Topic), PredictionNote(bodyId, assign, source, reading.BodyConfidence, reasons)));
                if (assign)
                {
                    events.Add(new CaseEvent(0, c.Id, now, Actors.System, EventKinds.Assigned, EventKinds.BodyValue(c.BodyId), EventKinds.BodyValue(bodyId),
                        "routed: " + reading.Body));
                    assigned++;
                }

                classified++;
                after = c.Id;
            }

            await session.SetPredictionsAsync(predictions, now, cancellationToken);
            await session.AddEventsAsync(events, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
    }

    // The reasons are the ones stored on the case (model tops, routes, place, deadlines), never the message's text, less
    // the runner-up routes: with them a note averaged 1,457 characters, and an import of 8,000 cases grew the SQLite
    // file from 49 to 78 MB. The case keeps them all (cases.reasons); the trail keeps what was decided and why.
    private static string PredictionNote(long? bodyId, bool assign, string source, double confidence, IReadOnlyList<string> reasons) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(bodyId is { } id ? $"body {id} {(assign ? "assigned" : "suggested")}" : "no body")}, source {source}, confidence {confidence:0.00}; {string.Join("; ", reasons.Where(r => !r.StartsWith("route #", StringComparison.Ordinal) || r.StartsWith("route #1 ", StringComparison.Ordinal)))}");
}
