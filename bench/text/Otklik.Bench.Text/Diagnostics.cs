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

        var scratch = vectorizer.NewScratch();
        Span<float> scores = stackalloc float[512];
        var texts = test.Select(a => a.Text).ToList();
        Measure("normalize", texts, t => Otklik.Text.Analysis.TextNormalizer.Normalize(t));
        Measure("strip", texts, t => Otklik.Folding.RussianText.StripHtml(t));
        Measure("mask", texts, t => Otklik.Text.Analysis.PersonalDataMask.Apply(t));
        Measure("fold", texts, t => Otklik.Folding.RussianText.Fold(t));
        Measure("vectorize", texts, t => vectorizer.Vectorize(t, scratch));
        var scoreBuffer = new float[512];
        Measure("vectorize+score", texts, t =>
        {
            vectorizer.Vectorize(t, scratch);
            foreach (var head in heads)
            {
                head.Score(scratch, scoreBuffer.AsSpan(0, head.LabelCount));
            }
        });
        vectorizer.Vectorize(texts[0], scratch);
        Console.Error.WriteLine($"text 0: {scratch.Touched.Count} columns, {heads.Sum(h => scratch.Touched.Sum(c => h.ColumnStart[c + 1] - h.ColumnStart[c]))} weights");
        var spin = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var x = 0.0;
        for (var i = 0; i < 100_000_000; i++)
        {
            x += i * 0.5;
        }

        Console.Error.WriteLine($"1e8 adds: {spin.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds} ms CPU {x > 0}");
        Measure("score-only", texts, t =>
        {
            foreach (var head in heads)
            {
                head.Score(scratch, scoreBuffer.AsSpan(0, head.LabelCount));
            }
        });
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
