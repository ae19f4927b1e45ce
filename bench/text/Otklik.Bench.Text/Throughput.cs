using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Otklik.Ingest;
using Otklik.Text.Classification;

namespace Otklik.Bench.Text;

/// <summary>
/// `throughput=R`: prediction throughput only, for throughput.sh. The fold's model is trained once and kept in
/// `models=DIR` (a later run loads it: the golden-file test, not this bench, guards that predictions stay the same);
/// each of R rounds then measures exactly as the full run does: a fresh load, the warm-up on the training texts, a
/// settled heap, each test text predicted once on this thread. Prints one JSON line with every round and the median.
/// With `diag=1` it prints <see cref="Diagnostics"/> of the loaded, warmed-up model instead.
/// </summary>
internal static class Throughput
{
    public static void Run(string foldDir, string modelsDir, TrainingOptions options, int rounds, bool diagnostics, Action<TextClassifier, List<LabeledAppeal>> warmUp)
    {
        var train = KurskFormat.LoadLabeled(Path.Combine(foldDir, "train.csv"));
        var test = KurskFormat.LoadLabeled(Path.Combine(foldDir, "test.csv"));
        Directory.CreateDirectory(modelsDir);
        var modelPath = Path.Combine(modelsDir, $"otklik-{Path.GetFileName(foldDir)}.model");
        if (!File.Exists(modelPath))
        {
            Console.Error.WriteLine($"throughput: training fold {Path.GetFileName(foldDir)} once into {modelPath}");
            var clock = Stopwatch.StartNew();
            TextClassifier.Train(train, options).Save(modelPath);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: trained in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        if (diagnostics)
        {
            var warm = TextClassifier.Load(modelPath);
            warmUp(warm, train);
            Diagnostics.Run(warm, test);
            return;
        }

        var rates = new List<double>();
        var cpuRates = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var model = TextClassifier.Load(modelPath);
            warmUp(model, train);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var appeal in test)
            {
                model.Predict(appeal.Text);
            }

            rates.Add(test.Count / clock.Elapsed.TotalSeconds);
            cpuRates.Add(test.Count / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["tool"] = "Otklik",
            ["fold"] = Path.GetFileName(foldDir),
            ["texts"] = test.Count,
            ["rounds"] = rates.Select(r => Math.Round(r)).ToList(),
            ["texts_per_s"] = Median(rates),
            ["texts_per_cpu_s"] = Median(cpuRates),
        }));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
