using System.ComponentModel;
using Otklik.Ingest;
using Otklik.Places;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli;

/// <summary>`otklik places "текст"` shows the places found; `otklik places --eval` scores the recognizer on the hand labels.</summary>
internal sealed class PlacesCommand : Command<PlacesCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[text]")]
        [Description("Text to read (HTML allowed).")]
        public string? Text { get; init; }

        [CommandOption("--region")]
        [Description("Region of the channel the text came from, to settle ambiguous names (e.g. Курская).")]
        public string? Region { get; init; }

        [CommandOption("--eval")]
        [Description("Score on the hand-labeled fixture instead of reading a text.")]
        public bool Eval { get; init; }

        [CommandOption("--labels")]
        [Description("Labels file (JSON lines). Defaults to tests/Otklik.Tests/Places/Fixtures/kursk-places.jsonl.")]
        public string? Labels { get; init; }

        [CommandOption("--appeals")]
        [Description("Appeals CSV (Kursk format) holding the labeled texts. Defaults to data/demo or ../shared.")]
        public string? Appeals { get; init; }

        [CommandOption("--errors")]
        [Description("With --eval: list the appeals whose found places differ from the labels (ids and place names only).")]
        public bool Errors { get; init; }

        [CommandOption("--data")]
        [Description("Data directory (holds geo/). Defaults to the repository's data/.")]
        public string? Data { get; init; }

        public override ValidationResult Validate() =>
            Eval || !string.IsNullOrWhiteSpace(Text)
                ? ValidationResult.Success()
                : ValidationResult.Error("give a text to read, or --eval; e.g. otklik places \"в Льгове на ул. Красная\"");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var recognizer = new PlaceRecognizer(GazetteerFiles.LoadDirectory(DataPaths.Data(settings.Data, "geo")));
            if (settings.Eval)
            {
                return Evaluate(recognizer, settings);
            }

            Show(recognizer.Recognize(settings.Text!, new PlaceHint(settings.Region)));
            return 0;
        }
        catch (DataFileException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }
    }

    private static int Evaluate(PlaceRecognizer recognizer, Settings settings)
    {
        var labelsPath = settings.Labels ?? Path.Combine(DataPaths.Root(), "tests", "Otklik.Tests", "Places", "Fixtures", "kursk-places.jsonl");
        var appealsPath = settings.Appeals ?? DataPaths.KurskAppeals();
        if (!File.Exists(appealsPath))
        {
            throw new DataFileException(appealsPath, 0, string.Empty, "appeals file not found; pass --appeals");
        }

        var labels = PlaceLabelFile.Load(labelsPath);
        var texts = KurskFormat.LoadLabeled(appealsPath).ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
        var table = new Table().AddColumns("hint", "level", "precision", "recall", "F1", "tp", "found", "labeled");
        foreach (var region in new[] { settings.Region ?? "Курская", null })
        {
            var hint = region is null ? PlaceHint.None : new PlaceHint(region);
            foreach (var s in PlaceEvaluation.Evaluate(recognizer, labels, texts, hint))
            {
                table.AddRow(region ?? "none", s.Level, $"{s.Precision:0.000}", $"{s.Recall:0.000}", $"{s.F1:0.000}",
                    s.TruePositives.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    s.Predicted.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    s.Expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (settings.Errors)
        {
            var hint = new PlaceHint(settings.Region ?? "Курская");
            foreach (var label in labels.Where(l => texts.ContainsKey(l.Id)))
            {
                var found = PlaceEvaluation.Found(recognizer, recognizer.Recognize(texts[label.Id], hint));
                var wrong = Diff("region", found.Regions, label.Region) + Diff("district", found.Districts, label.District) + Diff("city", found.Cities, label.City);
                if (wrong.Length > 0)
                {
                    AnsiConsole.MarkupLineInterpolated($"{label.Id}: {wrong}");
                }
            }
        }

        var all = texts.Values.ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var text in all)
        {
            recognizer.Recognize(text, new PlaceHint(settings.Region ?? "Курская"));
        }

        watch.Stop();
        AnsiConsole.MarkupLineInterpolated($"{labels.Count} labeled appeals ({labelsPath}); recognizer: {all.Count} texts in {watch.ElapsedMilliseconds} ms");
        AnsiConsole.Write(table);
        return 0;
    }

    private static string Diff(string level, IReadOnlyList<string> found, IReadOnlyList<string> labeled)
    {
        var f = found.Select(PlaceEvaluation.LooseKey).ToHashSet(StringComparer.Ordinal);
        var l = labeled.Select(PlaceEvaluation.LooseKey).ToHashSet(StringComparer.Ordinal);
        var extra = found.Where(x => !l.Contains(PlaceEvaluation.LooseKey(x))).ToList();
        var missed = labeled.Where(x => !f.Contains(PlaceEvaluation.LooseKey(x))).ToList();
        return extra.Count + missed.Count == 0 ? string.Empty
            : $"{level} +[{string.Join("; ", extra)}] -[{string.Join("; ", missed)}]  ";
    }

    private static void Show(PlaceRecognition r)
    {
        var table = new Table().AddColumns("level", "value", "confidence", "evidence", "span", "text");
        void Row(string level, PlaceField? f)
        {
            if (f is not null)
            {
                table.AddRow(level, Markup.Escape(f.Value), $"{f.Confidence:0.00}", f.Evidence.ToString(),
                    Markup.Escape(f.Span?.ToString() ?? string.Empty), Markup.Escape(f.Span?.Of(r.Text) ?? string.Empty));
            }
        }

        Row("region", r.Region);
        Row("district", r.District);
        Row("city", r.City);
        Row("city district", r.CityDistrict);
        foreach (var street in r.Streets)
        {
            table.AddRow("street", Markup.Escape(street.ToString()), $"{street.Confidence:0.00}", "Stated", Markup.Escape(street.Span.ToString()),
                Markup.Escape(street.Span.Of(r.Text)));
        }

        foreach (var a in r.Ambiguous)
        {
            table.AddRow("ambiguous", Markup.Escape(a.Surface), string.Empty, string.Empty, Markup.Escape(a.Span.ToString()),
                Markup.Escape(string.Join("; ", a.Candidates.Take(5).Select(c => $"{c.DisplayName} ({c.Region})"))));
        }

        AnsiConsole.Write(table);
    }
}
