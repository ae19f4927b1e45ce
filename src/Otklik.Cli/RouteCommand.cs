using System.ComponentModel;
using System.Globalization;
using Otklik.Deadlines;
using Otklik.Ingest;
using Otklik.Places;
using Otklik.Routing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli;

/// <summary>
/// `otklik route "текст" [--topic T]` prints the top 3 bodies with their reasons; `--eval` cross-validates the router on
/// the Kursk file; `--derive FILE` writes the table derived from the whole file.
/// </summary>
internal sealed class RouteCommand : AsyncCommand<RouteCommand.Settings>
{
    internal sealed class Settings : Commands.StoreSettings
    {
        [CommandArgument(0, "[text]")]
        [Description("The appeal's text (HTML allowed).")]
        public string? Text { get; init; }

        [CommandOption("--topic")]
        [Description("The appeal's topic, when known (as the training file names it).")]
        public string? Topic { get; init; }

        [CommandOption("--region")]
        [Description("Region of the channel the appeal came through. Defaults to Курская.")]
        public string Region { get; init; } = "Курская";

        [CommandOption("--table")]
        [Description("Routing table CSV. Defaults to the table imported into the database (otklik routing import), else data/routing/kursk-routing.csv.")]
        public string? Table { get; init; }

        [CommandOption("--eval")]
        [Description("5-fold cross-validation on the Kursk appeals (tables derived from the training folds only).")]
        public bool Eval { get; init; }

        [CommandOption("--predictions")]
        [Description("With --eval: out-of-fold model predictions (JSON lines) to measure the combined router.")]
        public string? Predictions { get; init; }

        [CommandOption("--weights")]
        [Description("With --eval: evidence weights rule,place,model[[,temperature]] (default 0.5,1,1,T) to compare settings.")]
        public string? Weights { get; init; }

        [CommandOption("--save-predictions")]
        [Description("With --eval --with-model: write the out-of-fold model predictions (JSON lines, with the place read) to this file, for --predictions.")]
        public string? SavePredictions { get; init; }

        [CommandOption("--with-model")]
        [Description("With --eval: train the text model on each training fold too and compare it with the router on its out-of-fold predictions.")]
        public bool WithModel { get; init; }

        [CommandOption("--model")]
        [Description("The text model. Defaults to ./data/otklik.model; without it the route uses the table and the place only.")]
        public string Model { get; init; } = Commands.TextCommandSupport.DefaultModelPath;

        [CommandOption("--derive")]
        [Description("Write the routing table derived from the Kursk appeals to this file.")]
        public string? Derive { get; init; }

        [CommandOption("--appeals")]
        [Description("Appeals CSV (Kursk format) for --eval and --derive. Defaults to data/demo or ../shared.")]
        public string? Appeals { get; init; }

        [CommandOption("--data")]
        [Description("Data directory (holds geo/ and routing/). Defaults to the repository's data/.")]
        public string? Data { get; init; }

        public override ValidationResult Validate() =>
            Eval || Derive is not null || !string.IsNullOrWhiteSpace(Text)
                ? ValidationResult.Success()
                : ValidationResult.Error("give the appeal's text, --eval or --derive FILE; e.g. otklik route \"не горит фонарь в Льгове\"");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var recognizer = new PlaceRecognizer(GazetteerFiles.LoadDirectory(DataPaths.Data(settings.Data, "geo")));
            if (settings.Eval)
            {
                return Evaluate(recognizer, settings);
            }

            if (settings.Derive is not null)
            {
                var hint = new PlaceHint(settings.Region);
                var appeals = KurskFormat.LoadLabeled(AppealsPath(settings));
                var table = RoutingTableBuilder.Derive(appeals.Select(a => (a, RouteTerritory.From(recognizer.Recognize(a.Text, hint), recognizer.Gazetteer, hint))));
                RoutingTableFile.Save(table, settings.Derive);
                AnsiConsole.MarkupLineInterpolated($"{table.Rules.Count} rules from {appeals.Count} appeals written to {settings.Derive}");
                return 0;
            }

            var (routingTable, source) = await TableAsync(settings, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"routing table: {source}");
            if (File.Exists(settings.Model))
            {
                return RouteWithModel.Run(settings, recognizer, routingTable);
            }

            var router = new Router(routingTable, recognizer);
            var topics = settings.Topic is null ? null : new[] { new ScoredLabel(settings.Topic, 1) };
            var result = router.Route(new RoutingRequest(settings.Text!, topics, null, new PlaceHint(settings.Region)));
            Show(result);
            ShowDeadlines(result, router.Table.GroupOf(settings.Topic), recognizer.Gazetteer, settings);
            return 0;
        }
        catch (DataFileException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }
    }

    /// <summary>--table when given; else the database's table when one was imported; else the shipped file.</summary>
    private static async Task<(RoutingTable Table, string Source)> TableAsync(Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Table is not null)
        {
            return (RoutingTableFile.Load(settings.Table), "file " + settings.Table);
        }

        var database = Commands.CliStore.Settings(settings).DatabaseOrDefault;
        return await RoutingTables.LoadAsync(database, DataPaths.Data(settings.Data, "routing", "kursk-routing.csv"), cancellationToken);
    }

    internal static string AppealsPath(Settings settings)
    {
        var path = settings.Appeals ?? DataPaths.KurskAppeals();
        return File.Exists(path) ? path : throw new DataFileException(path, 0, string.Empty, "appeals file not found; pass --appeals");
    }

    private static int Evaluate(PlaceRecognizer recognizer, Settings settings)
    {
        if (settings.WithModel)
        {
            return RouteWithModel.Compare(recognizer, settings);
        }

        var appeals = KurskFormat.LoadLabeled(AppealsPath(settings));
        var predictions = settings.Predictions is null ? null : ModelPredictionFile.Load(settings.Predictions);
        var weights = RouterWeights.Default;
        if (settings.Weights is not null)
        {
            var parts = settings.Weights.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1).ToArray();
            if (parts.Length is not (3 or 4) || parts.Any(p => p < 0) || (parts.Length == 4 && parts[3] <= 0))
            {
                throw new DataFileException("--weights", 0, "weights", $"'{settings.Weights}' is not three or four non-negative numbers like 0.5,1,1 or 0.5,1,1,3");
            }

            weights = weights with { Rule = parts[0], Place = parts[1], Model = parts[2], Temperature = parts.Length == 4 ? parts[3] : weights.Temperature };
        }

        var routed = new List<RoutedAppeal>();
        var scores = RoutingEvaluation.CrossValidate(appeals, recognizer, new RoutingEvaluationOptions(RegionHint: settings.Region, Weights: weights), predictions, routed);
        var table = new Table().AddColumns("variant (5-fold CV)", "executor accuracy", "top-3", "n");
        foreach (var s in scores)
        {
            table.AddRow(Markup.Escape(s.Variant), s.Accuracy.ToString("0.000", CultureInfo.InvariantCulture),
                s.Top3.ToString("0.000", CultureInfo.InvariantCulture), s.Count.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (routed.Count > 0)
        {
            ShowOutcomes(routed);
        }

        if (predictions is null)
        {
            AnsiConsole.MarkupLine("No model predictions given (--predictions): the model-combined figures come with the text classifier.");
        }

        return 0;
    }

    /// <summary>
    /// The router's coverage at confidence thresholds, and the router against the text model alone on the same appeals:
    /// the paired difference with its 95 % bootstrap interval and McNemar's exact p, overall and split by whether the
    /// text names a city or district.
    /// </summary>
    internal static void ShowOutcomes(IReadOnlyList<RoutedAppeal> routed)
    {
        var coverage = new Table().Title("router (table + place + model): confidence threshold → share assigned automatically / accuracy on it")
            .AddColumns("threshold", "coverage", "accuracy");
        foreach (var c in Text.Understanding.ModelRoutingComparison.Coverage(routed))
        {
            coverage.AddRow(c.Threshold.ToString("0.0", CultureInfo.InvariantCulture), c.Coverage.ToString("P0", CultureInfo.InvariantCulture),
                c.Accuracy.ToString("0.000", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(coverage);
        var paired = new Table().Title("router vs text model alone, same appeals (paired)")
            .AddColumns("appeals", "n", "router", "model", "only router right", "only model right", "difference [[95% CI]]", "McNemar p");
        foreach (var (name, subset) in new[]
        {
            ("all", routed),
            ("a city or district in the text", routed.Where(r => r.PlaceFound).ToList()),
            ("no city or district", routed.Where(r => !r.PlaceFound).ToList()),
        })
        {
            var p = PairedComparison.Of(subset.Select(r => (r.RouterRight, r.ModelRight)).ToList());
            paired.AddRow(
                name, p.Count.ToString(CultureInfo.InvariantCulture),
                F(subset.Count(r => r.RouterRight) / (double)Math.Max(1, subset.Count)), F(subset.Count(r => r.ModelRight) / (double)Math.Max(1, subset.Count)),
                p.OnlyA.ToString(CultureInfo.InvariantCulture), p.OnlyB.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{p.Difference:+0.000;-0.000} [{p.Low:+0.000;-0.000}, {p.High:+0.000;-0.000}]")),
                p.PValue < 1e-4 ? p.PValue.ToString("0.0e0", CultureInfo.InvariantCulture) : p.PValue.ToString("0.0000", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(paired);
        static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
    }

    /// <summary>The two clocks if the appeal arrived now, counted in the place's time zone.</summary>
    private static void ShowDeadlines(RouteResult result, string? group, Gazetteer gazetteer, Settings settings)
    {
        var policy = DeadlinePolicyFile.Load(DataPaths.Data(settings.Data, "routing", "deadlines.json"));
        var calendar = WorkingCalendarFile.Load(DataPaths.Data(settings.Data, "calendar", "ru-production-2025-2027.json"));
        var entry = result.Place.City?.Entry ?? result.Place.District?.Entry ?? result.Place.Region?.Entry;
        var offset = entry is null ? gazetteer.FindRegion(settings.Region)?.UtcOffset : gazetteer.UtcOffsetOf(entry);
        var plan = new DeadlinePlanner(policy, calendar).Plan(TimeProvider.System.GetUtcNow(), settings.Topic, group, settings.Text, offset);
        AnsiConsole.MarkupLineInterpolated(
            $"deadlines ({plan.Rule}, UTC+{plan.UtcOffset.TotalHours:0}): first reply by {plan.FirstReplyDue:yyyy-MM-dd HH:mm}, full answer by {plan.FullAnswerDue:yyyy-MM-dd HH:mm}");
    }

    internal static void Show(RouteResult result)
    {
        AnsiConsole.MarkupLineInterpolated($"place: {result.Territory}");
        if (result.Place.Street is { } street)
        {
            AnsiConsole.MarkupLineInterpolated($"street: {street}");
        }

        var table = new Table().AddColumns("#", "body", "score", "reasons");
        var rank = 1;
        foreach (var c in result.Candidates)
        {
            table.AddRow((rank++).ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Body), c.Score.ToString("0.000", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join("\n", c.Reasons.Select(r => r.ToString()))));
        }

        AnsiConsole.Write(table);
    }
}
