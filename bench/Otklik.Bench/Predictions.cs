using System.Diagnostics;
using System.Globalization;
using Otklik.Cases;
using Otklik.Ingest;
using Otklik.Model;
using Otklik.Storage;
using Otklik.Storage.Cases;

namespace Otklik.Bench;

/// <summary>
/// The classifier's writes without its model. `predictions import DB [COUNT]` imports COUNT unlabeled messages (default
/// 20,000, texts from the demo appeals); `predictions pass DB` works through them as <c>CaseClassifier</c> does (500
/// cases per write transaction: read, store the predictions, append a <c>predicted</c> event per case and an
/// <c>assigned</c> one per assigned case, commit) and prints the wall time of the whole pass and of the prediction
/// writes alone (two processes, so that bench/predictions.sh can count PostgreSQL's CPU for the pass alone). Built with
/// <c>-p:PerRowPredictions=true</c> against a tree before session 18 it calls the old one-UPDATE-per-case
/// <c>SetPredictionAsync</c> instead (bench/README.md, "Classifier: predictions set-based").
/// </summary>
internal static class Predictions
{
    private const int Batch = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        var db = args[2];
        var appeals = KurskFormat.LoadLabeled(Path.Combine(Generator.FindRepoRoot(), "data", "demo", "kursk-appeals.csv"));
        var now = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        if (args[1] == "import")
        {
            var count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20_000;
            await using var store = await OtklikStores.OpenAsync(db, null, CancellationToken.None);
            for (var start = 0; start < count; start += 5000)
            {
                var batch = Enumerable.Range(start, Math.Min(5000, count - start)).Select(i => new IncomingMessage(
                    "kursk", "e" + i.ToString(CultureInfo.InvariantCulture), appeals[i % appeals.Count].Text, null,
                    "p" + (i % 5000).ToString(CultureInfo.InvariantCulture), now.AddSeconds(-i), null, null, null, null, null, null, 1)).ToList();
                await store.ImportBatchAsync(new ImportBatch(batch, [], "import:bench", now), CancellationToken.None);
            }

            return 0;
        }

        var database = await CaseDatabase.OpenAsync(db);
        var bodies = new List<long>();
        await using (var session = await database.OpenAsync(write: true))
        {
            await session.BeginWritingAsync();
            foreach (var name in appeals.Select(a => a.Executor).Distinct(StringComparer.Ordinal).Take(50))
            {
                bodies.Add(await session.FindBodyByNameAsync(name) ?? await session.AddBodyAsync(new Body(0, name, null, BodyLevel.Other, null, null, Territory.Unknown, null)));
            }

            await session.CommitAsync();
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var writes = new Stopwatch();
        int classified = 0, assigned = 0;
        long after = 0;
        while (true)
        {
            await using var session = await database.OpenAsync(write: true);
            await session.BeginWritingAsync();
            var cases = await session.UnclassifiedCasesAsync(after, Batch);
            if (cases.Count == 0)
            {
                break;
            }

            var events = new List<CaseEvent>(cases.Count * 2);
#if !PER_ROW_PREDICTIONS
            var predictions = new List<CasePrediction>(cases.Count);
#endif
            foreach (var c in cases)
            {
                var n = (int)(c.Id % 1000);
                long? body = n % 10 == 0 ? null : bodies[n % bodies.Count];
                var assign = body is not null && n % 2 == 0;
                var appeal = appeals[n % appeals.Count];
                // As long as a real prediction's reasons: model tops, the chosen and the runner-up routes, place, deadlines.
                string[] reasons = [$"model bench-1: topic {appeal.Topic} p=0.71, {appeal.Group} p=0.12", $"route #1 {appeal.Executor} (rule 12, support 340)",
                    $"route #2 {appeal.Executor} (fallback)", "place: Курская область, Курск", "deadlines: first reply 3 d, answer 30 d"];
#if PER_ROW_PREDICTIONS
                writes.Start();
                await session.SetPredictionAsync(c.Id, appeal.Group, appeal.Topic, body, assign, "model:bench-1", 0.5 + n / 2000.0, reasons,
                    now.AddDays(3), now.AddDays(30), now);
                writes.Stop();
#else
                predictions.Add(new CasePrediction(c.Id, appeal.Group, appeal.Topic, body, assign, "model:bench-1", 0.5 + n / 2000.0, reasons,
                    now.AddDays(3), now.AddDays(30)));
#endif
                events.Add(new CaseEvent(0, c.Id, now, Actors.System, EventKinds.Predicted, EventKinds.TopicValue(c.TopicGroup, c.Topic),
                    EventKinds.TopicValue(appeal.Group, appeal.Topic), "body suggested, source model:bench-1, confidence 0.50"));
                if (assign)
                {
                    events.Add(new CaseEvent(0, c.Id, now, Actors.System, EventKinds.Assigned, null, body!.Value.ToString(CultureInfo.InvariantCulture), "routed: bench"));
                    assigned++;
                }

                classified++;
                after = c.Id;
            }

#if !PER_ROW_PREDICTIONS
            writes.Start();
            await session.SetPredictionsAsync(predictions, now);
            writes.Stop();
#endif
            await session.AddEventsAsync(events);
            await session.CommitAsync();
        }

        total.Stop();
        var mode =
#if PER_ROW_PREDICTIONS
            "per row";
#else
            "set-based";
#endif
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: {classified} cases ({assigned} assigned) in {total.Elapsed.TotalSeconds:F2} s, prediction writes {writes.Elapsed.TotalSeconds:F2} s ({writes.Elapsed.TotalMicroseconds / classified:F0} µs a case), client CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s"));
        return 0;
    }
}
