using Otklik.Ingest;
using Otklik.Text.Classification;
using Spectre.Console;

namespace Otklik.Cli.Commands;

/// <summary>What the train, eval and classify verbs share: the default model path, reading data, and their errors.</summary>
internal static class TextCommandSupport
{
    /// <summary>Where the model lives unless --model/--out says otherwise.</summary>
    public const string DefaultModelPath = "./data/otklik.model";

    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>A console on the current Console.Out (so output can be redirected, as the tests do).</summary>
    public static IAnsiConsole Out() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

    /// <summary>Labeled appeals from a file of the given preset; bad rows are reported on stderr (line and reason) and skipped.</summary>
    public static List<LabeledAppeal>? ReadLabeled(string path, string preset)
    {
        if (!string.Equals(preset, "kursk", StringComparison.Ordinal))
        {
            Fail($"unknown preset '{preset}'", "the only preset so far is kursk (CSV: id, text, topic, executor[, group])");
            return null;
        }

        if (!File.Exists(path))
        {
            Fail($"data file {path} does not exist", "pass a labeled CSV with --data, e.g. ../shared/data/appeals/kursk-train.csv");
            return null;
        }

        var good = new List<LabeledAppeal>();
        var bad = 0;
        foreach (var result in KurskFormat.ReadFile(path))
        {
            if (result.Appeal is { } appeal)
            {
                good.Add(appeal);
                continue;
            }

            if (++bad <= 5)
            {
                Console.Error.WriteLine($"otklik: {path}:{result.Line}: skipped: {result.Error}");
            }
        }

        if (bad > 5)
        {
            Console.Error.WriteLine($"otklik: {path}: {bad} rows skipped in all");
        }

        if (good.Count == 0)
        {
            Fail($"{path} holds no labeled appeals", "expected CSV rows: id, text, topic, executor[, group], without a header");
            return null;
        }

        return good;
    }

    /// <summary>Loads a model, or says on stderr why not and returns null.</summary>
    public static TextClassifier? LoadModel(string path)
    {
        try
        {
            return TextClassifier.Load(path);
        }
        catch (FileNotFoundException)
        {
            Fail($"model file {path} does not exist", "train one: otklik train --data FILE --out " + path);
        }
        catch (ModelFormatException e)
        {
            Fail(e.Message, "retrain it with otklik train");
        }

        return null;
    }

    public static int Fail(string message, string hint)
    {
        Console.Error.WriteLine($"otklik: {message}");
        Console.Error.WriteLine($"hint: {hint}");
        return Failed;
    }
}
