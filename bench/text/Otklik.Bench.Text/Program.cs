using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Otklik.Ingest;
using Otklik.Text.Classification;
using Otklik.Text.Evaluation;
using Otklik.Text.Features;

// Usage: Otklik.Bench.Text FOLDS_DIR [c=0.5] [power=0.5] [ec=c] [epower=power] [scalec=1] [isotonic=1] [minn=2] [maxn=5] [charmindf=2] [charweight=1] [calib=2] [bigrams=1] [threads=2] [prune=0.01]
//   [throughput=R fold=0 models=DIR] (throughput only, see Throughput.cs)
//   [eshift=1] [tshift=0] [tmix=1] [shifttol=0] [top3tol=0.01] (rare-class score shift, see TrainingOptions) [nfolds=5] [rewarm=1] [diag=1] [profile=N] [calibration=FILE]
// Trains on each fold's train.csv, saves and reloads the model (cold caches), predicts test.csv one text at a time on
// this thread, and prints one JSON line like the baseline scripts, plus calibration on the pooled test predictions.
var folds = args[0];
var opt = args.Skip(1).Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1], StringComparer.Ordinal);
var defaults = new TrainingOptions();
double D(string key, double fallback) => opt.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
var options = new TrainingOptions
{
    // Options not given keep TrainingOptions' defaults.
    C = D("c", 0.5),
    ClassWeightPower = D("power", 0.5),
    ExecutorC = opt.ContainsKey("ec") ? D("ec", 0.5) : null,
    ExecutorClassWeightPower = opt.ContainsKey("epower") ? D("epower", 0.5) : null,
    ScaleCalibrationC = D("scalec", 1) > 0,
    ConfidenceMap = D("isotonic", 1) > 0,
    CalibrationFolds = (int)D("calib", 2),
    PruneBelow = D("prune", 0.01),
    MaxDegreeOfParallelism = (int)D("threads", 2),
    ExecutorRareClassShift = D("eshift", defaults.ExecutorRareClassShift ? 1 : 0) > 0,
    TopicRareClassShift = D("tshift", 0) > 0,
    ExecutorTopicMix = D("tmix", defaults.ExecutorTopicMix ? 1 : 0) > 0,
    RareClassShiftTolerance = D("shifttol", 0),
    RareClassShiftTop3Tolerance = D("top3tol", 0.01),
    Features = new FeatureSettings
    {
        CharMinN = (int)D("minn", 2),
        CharMaxN = (int)D("maxn", 5),
        CharMinDocuments = (int)D("charmindf", 2),
        CharBlockWeight = (float)D("charweight", 1),
        WordBigrams = D("bigrams", 1) > 0,
    },
};

if (opt.TryGetValue("throughput", out var throughputRounds))
{
    var foldDir = Directory.GetDirectories(folds).Order(StringComparer.Ordinal).ElementAt((int)D("fold", 0));
    Otklik.Bench.Text.Throughput.Run(foldDir, opt.GetValueOrDefault("models", Path.Combine(folds, "..", "models")), options,
        int.Parse(throughputRounds, CultureInfo.InvariantCulture), opt.ContainsKey("diag"), (model, train) => WarmUp(model, train, (int)D("rewarm", 1)));
    return;
}

var heads = new[] { TextClassifier.TopicHead, TextClassifier.ExecutorHead, TextClassifier.GroupHead };
var scores = heads.ToDictionary(h => h, _ => (Accuracy: new List<double>(), MacroF1: new List<double>(), Top3: new List<double>()));
var pooledGold = heads.ToDictionary(h => h, _ => new List<string>());
var pooledRanked = heads.ToDictionary(h => h, _ => new List<IReadOnlyList<LabelProbability>>());
var trainSeconds = new List<double>();
var rates = new List<double>();
var cpuRates = new List<double>();
var coldRates = new List<double>();
var modelPath = Path.Combine(Path.GetTempPath(), $"otklik-bench-{Environment.ProcessId}.model");
foreach (var dir in Directory.GetDirectories(folds).Order(StringComparer.Ordinal).Take((int)D("nfolds", 5)))
{
    var train = KurskFormat.LoadLabeled(Path.Combine(dir, "train.csv"));
    var test = KurskFormat.LoadLabeled(Path.Combine(dir, "test.csv"));
    var clock = Stopwatch.StartNew();
    var trained = TextClassifier.Train(train, options);
    trainSeconds.Add(clock.Elapsed.TotalSeconds);
    var shifts = string.Join(", ", trained.Info.Heads.Where(h => h.RareClassShift is not null).Select(h => $"{h.Name} α={h.RareClassShift}")
        .Concat(trained.Info.Heads.Where(h => h.TopicMix is not null).Select(h => $"{h.Name} topic mix λ={h.TopicMix!.Weight}")));
    if (shifts.Length > 0)
    {
        Console.Error.WriteLine($"fold {Path.GetFileName(dir)}: fitted {shifts}");
    }

    trained.Save(modelPath);
    var model = TextClassifier.Load(modelPath);

    // Warm-up on the training texts (which the model has seen): compiles the code and resolves the training words, as
    // a server that has been running a while would have. The test texts are then each predicted once.
    WarmUp(model, train, (int)D("rewarm", 1));

    if (opt.ContainsKey("profile"))
    {
        // For `perf record`: the prediction path from a fresh load, many times over (every word cold once per load).
        Console.Error.WriteLine($"profile: predicting in process {Environment.ProcessId}");
        for (var r = 0; r < (int)D("profile", 10); r++)
        {
            var fresh = TextClassifier.Load(modelPath);
            foreach (var appeal in train.Concat(test))
            {
                fresh.Predict(appeal.Text);
            }
        }

        return;
    }

    if (opt.ContainsKey("diag"))
    {
        Otklik.Bench.Text.Diagnostics.Run(model, test);
        return;
    }

    // Training and the first load leave a large heap behind; a full collection inside the timed 400 texts (~50 ms)
    // swung single folds between 3,000 and 10,000 texts/s. Collected before timing, as BenchmarkDotNet does.
    Settle();
    clock.Restart();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var predictions = test.Select(a => model.Predict(a.Text)).ToList();
    rates.Add(test.Count / clock.Elapsed.TotalSeconds);
    cpuRates.Add(test.Count / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);

    // The same from a fresh load with no warm-up texts at all (the code is compiled by now): every word is resolved on
    // first sight, as right after a server starts. Reported beside the main figure, which has the training words cached.
    var cold = TextClassifier.Load(modelPath);
    Settle();
    clock.Restart();
    foreach (var appeal in test)
    {
        cold.Predict(appeal.Text);
    }

    coldRates.Add(test.Count / clock.Elapsed.TotalSeconds);

    foreach (var head in heads)
    {
        var pairs = test.Zip(predictions)
            .Select(p => (Gold: head switch { "topic" => p.First.Topic, "executor" => p.First.Executor, _ => p.First.Group },
                Predicted: p.Second.Heads.FirstOrDefault(h => h.Head == head)))
            .Where(p => p.Gold is not null && p.Predicted is not null).ToList();
        if (pairs.Count == 0)
        {
            continue;
        }

        var metrics = Metrics.Compute(pairs.Select(p => p.Gold!).ToList(), pairs.Select(p => p.Predicted!.Top).ToList());
        scores[head].Accuracy.Add(metrics.Accuracy);
        scores[head].MacroF1.Add(metrics.MacroF1);
        scores[head].Top3.Add(metrics.Top3);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fold {Path.GetFileName(dir)} {head}: accuracy {metrics.Accuracy:F4}, macro-F1 {metrics.MacroF1:F4}, train {trainSeconds[^1]:F1} s"));
        pooledGold[head].AddRange(pairs.Select(p => p.Gold!));
        pooledRanked[head].AddRange(pairs.Select(p => p.Predicted!.Top));
    }
}

File.Delete(modelPath);
var result = new Dictionary<string, object>
{
    ["tool"] = $"Otklik c={options.C} power={options.ClassWeightPower} ec={options.ExecutorC?.ToString(CultureInfo.InvariantCulture) ?? "="} epower={options.ExecutorClassWeightPower?.ToString(CultureInfo.InvariantCulture) ?? "="} scalec={(options.ScaleCalibrationC ? 1 : 0)} isotonic={(options.ConfidenceMap ? 1 : 0)} char={options.Features.CharMinN}-{options.Features.CharMaxN} mindf={options.Features.CharMinDocuments} cw={options.Features.CharBlockWeight} calib={options.CalibrationFolds} prune={options.PruneBelow} eshift={(options.ExecutorRareClassShift ? 1 : 0)} tshift={(options.TopicRareClassShift ? 1 : 0)} shifttol={options.RareClassShiftTolerance} top3tol={options.RareClassShiftTop3Tolerance} tmix={(options.ExecutorTopicMix ? 1 : 0)}",
    ["train_s"] = trainSeconds.Average(),
    ["texts_per_s"] = rates.Average(),
    ["texts_per_cpu_s"] = cpuRates.Average(),
    ["texts_per_s_cold"] = coldRates.Average(),
};
foreach (var head in heads.Where(h => scores[h].Accuracy.Count > 0))
{
    result[$"{head}_accuracy"] = scores[head].Accuracy.Average();
    result[$"{head}_macro_f1"] = scores[head].MacroF1.Average();
    result[$"{head}_top3"] = scores[head].Top3.Average();
}

Console.WriteLine(JsonSerializer.Serialize(result));
if (opt.ContainsKey("calibration"))
{
    // Calibration of the pooled out-of-fold test predictions: the figures the report quotes.
    var calibration = heads.Where(h => pooledGold[h].Count > 0)
        .ToDictionary(h => h, h => Metrics.Compute(pooledGold[h], pooledRanked[h]));
    File.WriteAllText(opt["calibration"], JsonSerializer.Serialize(calibration, new JsonSerializerOptions { WriteIndented = true }));
}

// The runtime compiles a method three times (quick, then instrumented, then optimized with what the instrumented
// calls saw), each after 30 calls and a quiet spell, on a background thread. One pass over the training texts
// left that work unfinished: a profile after it still spent 11 % of the CPU in the JIT (29 Nov). With `rewarm=N`
// (default 1) the pass is followed N times by a pause for the compiler and another pass, so that the timed texts meet
// the code a long-running server would run. The word cache is full after the first pass, so later passes are cheap.
static void WarmUp(TextClassifier model, List<LabeledAppeal> train, int rounds)
{
    foreach (var appeal in train)
    {
        model.Predict(appeal.Text);
    }

    for (var r = 0; r < rounds; r++)
    {
        Thread.Sleep(500);
        foreach (var appeal in train)
        {
            model.Predict(appeal.Text);
        }
    }

    Thread.Sleep(500);
}

static void Settle()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}
