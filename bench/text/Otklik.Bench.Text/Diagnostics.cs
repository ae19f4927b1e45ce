using System.Diagnostics;
using Otklik.Ingest;
using Otklik.Text.Classification;

namespace Otklik.Bench.Text;

/// <summary>
/// Where prediction time goes, in this thread's CPU time: normalizing, analyzing (words resolved for the first time,
/// then again from the cache), predicting (words projected for the first time, then cached), and how sparse the
/// weights are. Run with `diag=1` after the warm-up on the training texts, so "first" is what a new test text costs.
/// </summary>
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

        var perColumn = Enumerable.Range(0, heads[0].Columns).Select(f => heads.Sum(h => h.ColumnStart[f + 1] - h.ColumnStart[f])).ToArray();
        foreach (var at in new[] { 16, 32, 64, 96, 128, 165 })
        {
            Console.Error.WriteLine($"columns with >= {at} entries (all heads): {perColumn.Count(n => n >= at)}, holding {perColumn.Where(n => n >= at).Sum() / (double)perColumn.Sum():P1} of the entries");
        }

        var texts = test.Select(a => a.Text).ToList();
        var scratch = vectorizer.NewScratch();
        var stripped = texts.Select(Otklik.Folding.RussianText.StripHtml).ToList();
        Measure("strip html", texts, t => Otklik.Folding.RussianText.StripHtml(t), 1, 5);
        Measure("mask (of stripped)", stripped, t => Otklik.Text.Analysis.PersonalDataMask.Apply(t), 1, 5);
        Measure("strip html (HtmlText)", texts, t => Otklik.Text.Analysis.HtmlText.Strip(t), 1, 5);
        var masked = stripped.Select(Otklik.Text.Analysis.PersonalDataMask.Apply).ToList();
        Measure("lower case (of masked)", masked, t => Otklik.Text.Analysis.TextNormalizer.LowerCase(t), 1, 5);
        Measure("normalize", texts, t => Otklik.Text.Analysis.TextNormalizer.Normalize(t), 1, 5);
        var words = texts.SelectMany(t => Otklik.Text.Analysis.Tokenizer.Words(Otklik.Text.Analysis.TextNormalizer.Normalize(t))).Distinct(StringComparer.Ordinal).ToList();
        var stemmer = new Otklik.Text.Analysis.RussianStemmer();
        Console.Error.WriteLine($"{words.Count} distinct words in the test texts, {words.Count / (double)texts.Count:F1} per text");
        Measure("stem (per distinct word)", words, w => stemmer.Stem(w), 1, 3);
        Measure("token keys (per distinct word)", words, w => Otklik.Text.Features.TokenKeys.Of(w, stemmer, vectorizer.Settings), 1, 3);
        Measure("analyze, first time", texts, t => vectorizer.Analyze(t, scratch), 0, 1);
        Measure("analyze, cached", texts, t => vectorizer.Analyze(t, scratch), 0, 5);
        Measure("predict, first time", texts, t => model.Predict(t), 0, 1);
        Measure("predict, cached", texts, t => model.Predict(t), 0, int.Parse(Environment.GetEnvironmentVariable("DIAG_ROUNDS") ?? "5", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Measure(string what, List<string> texts, Action<string> action, int warmup, int rounds)
    {
        for (var r = 0; r < warmup; r++)
        {
            texts.ForEach(action);
        }

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < rounds; r++)
        {
            texts.ForEach(action);
        }

        var n = (double)rounds * texts.Count;
        Console.Error.WriteLine($"{what}: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / n:F1} us CPU, {clock.Elapsed.TotalMicroseconds / n:F1} us wall per text");
    }
}
