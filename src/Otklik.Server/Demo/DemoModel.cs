using System.Diagnostics;
using System.Globalization;
using Otklik.Ingest;
using Otklik.Text.Classification;

namespace Otklik.Server.Demo;

/// <summary>The demo's text model: trained on the demo appeals at the first start, reused afterwards.</summary>
public static class DemoModel
{
    /// <summary>
    /// Trains and saves the model when <paramref name="modelFile"/> is missing or unreadable (another format version,
    /// cut short), printing the time it took; returns false only when no model can be had (training failed), and the
    /// demo then runs on labels alone.
    /// </summary>
    public static bool EnsureTrained(string modelFile, string appealsFile, Action<string> print)
    {
        ArgumentNullException.ThrowIfNull(print);
        if (File.Exists(modelFile))
        {
            var problem = TextClassifier.CheckFile(modelFile);
            if (problem is null)
            {
                print($"Demo: using the text model {modelFile} (delete it to retrain on the demo data).");
                return true;
            }

            print($"Demo: the text model cannot be used ({problem}); training a new one on the demo appeals…");
        }
        else
        {
            print("Demo: no text model yet; training one on the demo appeals (once)…");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var model = TextClassifier.Train(KurskFormat.LoadLabeled(appealsFile));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelFile))!);
            model.Save(modelFile);
            print(string.Create(CultureInfo.InvariantCulture,
                $"Demo: model {model.ModelVersion} trained on {model.Info.Examples} appeals in {clock.Elapsed.TotalSeconds:0.0} s, saved to {modelFile}."));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            print($"Demo: training failed ({e.Message}); appeals are routed by their labels.");
            return false;
        }
    }
}
