using System.Globalization;
using Otklik.Cli.Commands;
using Otklik.Ingest;
using Otklik.Places;
using Otklik.Routing;
using Otklik.Text.Understanding;
using Spectre.Console;

namespace Otklik.Cli;

/// <summary>The model's half of `otklik route`: routing one text with the text model, and the cross-validated comparison.</summary>
internal static class RouteWithModel
{
    /// <summary>The model's top 3 per head, the route (top 3 bodies with reasons) and both deadlines, in the place's time zone.</summary>
    public static int Run(RouteCommand.Settings settings, PlaceRecognizer recognizer, RoutingTable table)
    {
        var model = TextCommandSupport.LoadModel(settings.Model);
        if (model is null)
        {
            return TextCommandSupport.Failed;
        }

        var folder = DataPaths.Data(settings.Data);
        var understanding = new Understanding(model, recognizer, table, ReferenceData.Deadlines(folder));
        var reading = understanding.Understand(settings.Text!, TimeProvider.System.GetUtcNow(), new AppealLabels(null, settings.Topic, null), settings.Region);
        foreach (var head in reading.Prediction.Heads)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"model {head.Head}: {string.Join(", ", head.Top.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Label} {t.Probability:0.00}")))}");
        }

        RouteCommand.Show(reading.Route);
        AnsiConsole.MarkupLineInterpolated(
            $"body confidence {reading.BodyConfidence.ToString("0.00", CultureInfo.InvariantCulture)}; model {model.ModelVersion}");
        var d = reading.Deadlines;
        AnsiConsole.MarkupLineInterpolated(
            $"deadlines ({d.Rule}, UTC+{d.UtcOffset.TotalHours:0}): first reply by {d.FirstReplyDue:yyyy-MM-dd HH:mm}, full answer by {d.FullAnswerDue:yyyy-MM-dd HH:mm}");
        return 0;
    }

    /// <summary>5-fold CV: text model alone vs the router on its out-of-fold predictions, and the router's coverage.</summary>
    public static int Compare(PlaceRecognizer recognizer, RouteCommand.Settings settings)
    {
        var appeals = KurskFormat.LoadLabeled(RouteCommand.AppealsPath(settings));
        var report = ModelRoutingComparison.Run(appeals, recognizer, new RoutingEvaluationOptions(RegionHint: settings.Region),
            foldDone: (f, s) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"route --eval: fold {f + 1} trained in {s:0.0} s")));
        var table = new Table().AddColumns("variant (5-fold CV, seed 17)", "executor accuracy", "top-3", "n");
        foreach (var s in report.Scores)
        {
            table.AddRow(Markup.Escape(s.Variant), F(s.Accuracy), F(s.Top3), s.Count.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (settings.SavePredictions is not null)
        {
            var hint = new PlaceHint(settings.Region);
            ModelPredictionFile.Save(settings.SavePredictions, appeals.Select(a => (a.Id, report.Predictions[a.Id],
                (RouteTerritory?)RouteTerritory.From(recognizer.Recognize(a.Text, hint), recognizer.Gazetteer, hint))));
            AnsiConsole.MarkupLineInterpolated($"out-of-fold predictions written to {settings.SavePredictions}");
        }

        RouteCommand.ShowOutcomes(report.Routed);
        AnsiConsole.MarkupLineInterpolated(
            $"{appeals.Count} appeals; each fold's model and table learned from the other 4 folds only; mean training {F(report.MeanTrainingSeconds, "0.0")} s per fold");
        return 0;
    }

    private static string F(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);
}
