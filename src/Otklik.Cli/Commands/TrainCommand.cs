using System.ComponentModel;
using System.Globalization;
using Otklik.Text.Classification;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary>`otklik train`: trains the topic, group and executor classifiers on a labeled file and writes the model bundle.</summary>
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <FILE>")]
        [Description("Labeled appeals to learn from")]
        public string Data { get; init; } = "";

        [CommandOption("--preset <PRESET>")]
        [Description("Format of the data file. Defaults to kursk")]
        [DefaultValue("kursk")]
        public string Preset { get; init; } = "kursk";

        [CommandOption("--out <MODEL>")]
        [Description("Where to write the model. Defaults to ./data/otklik.model")]
        [DefaultValue(TextCommandSupport.DefaultModelPath)]
        public string Out { get; init; } = TextCommandSupport.DefaultModelPath;

        [CommandOption("--threshold <P>")]
        [Description("Below this probability a case goes to the operator queue. Defaults to 0.5")]
        [DefaultValue(0.5)]
        public double Threshold { get; init; } = 0.5;

        [CommandOption("--from-db")]
        [Description("Train on the labeled cases in the database (topics and bodies given by the input or an operator) instead of --data")]
        public bool FromDb { get; init; }

        [CommandOption("--db <DB>")]
        [Description("With --from-db: a SQLite file path or a PostgreSQL connection string. Default: $OTKLIK_DB, then ./data/otklik.db")]
        public string? Db { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Data) && !FromDb ? ValidationResult.Error("--data FILE (a labeled CSV) or --from-db is required")
            : Threshold is < 0 or > 1 ? ValidationResult.Error("--threshold must be between 0 and 1")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = TextCommandSupport.Out();
        var appeals = settings.FromDb
            ? TrainFromDb.Read(settings.Db, cancellationToken)
            : TextCommandSupport.ReadLabeled(settings.Data, settings.Preset);
        if (appeals is null)
        {
            return TextCommandSupport.Failed;
        }

        var model = TextClassifier.Train(appeals, new TrainingOptions { OperatorThreshold = settings.Threshold });
        model.Save(settings.Out);
        var info = model.Info;
        var table = new Table().AddColumns("head", "labels", "accuracy (cv)", "macro-F1 (cv)", "top-3 (cv)", "ECE (cv)");
        foreach (var head in info.Heads)
        {
            var m = head.Metrics;
            table.AddRow(head.Name, head.Labels.Count.ToString(CultureInfo.InvariantCulture),
                Format(m?.Accuracy), Format(m?.MacroF1), Format(m?.Top3), Format(m?.ExpectedCalibrationError));
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model {info.ModelVersion} trained on {info.Examples} appeals in {info.TrainingSeconds:F1} s, written to {settings.Out}"));
        return 0;
    }

    private static string Format(double? value) => value?.ToString("F3", CultureInfo.InvariantCulture) ?? "-";
}
