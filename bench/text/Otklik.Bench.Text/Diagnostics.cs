using System.Diagnostics;
using Otklik.Ingest;
using Otklik.Text.Classification;

namespace Otklik.Bench.Text;

/// <summary>Where prediction time goes: vectorizing vs. scoring, in this thread's CPU time, and how sparse the weights are.</summary>
internal static class Diagnostics
{
    public static void Run(TextClassifier model, List<LabeledAppeal> test)
    {
        var (vectorizer, heads) = model.Internals();
        Console.Error.WriteLine($"columns {vectorizer.Vocabulary.Count}, char columns {vectorizer.Vocabulary.IsChar.Count(c => c)}");
        foreach (var head in heads)
        {
            Console.Error.WriteLine($"{head.Name}: {head.LabelCount} labels, {head.Weights.Length} weights ({100.0 * head.Weights.Length / ((double)head.Columns * head.LabelCount):F1}% of dense), T={head.Temperature:F3}");
        }

        var texts = test.Select(a => a.Text).ToList();
        var scratch = vectorizer.NewScratch();
        Measure("normalize", texts, t => Otklik.Text.Analysis.TextNormalizer.Normalize(t));
        Measure("analyze", texts, t => vectorizer.Analyze(t, scratch));
        Measure("predict", texts, t => model.Predict(t));
    }

    private static void Measure(string what, List<string> texts, Action<string> action)
    {
        for (var r = 0; r < 3; r++)
        {
            texts.ForEach(action);
        }

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < 5; r++)
        {
            texts.ForEach(action);
        }

        var n = 5.0 * texts.Count;
        Console.Error.WriteLine($"{what}: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / n:F1} us CPU, {clock.Elapsed.TotalMicroseconds / n:F1} us wall per text");
    }
}
