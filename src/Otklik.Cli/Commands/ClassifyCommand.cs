using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary>`otklik classify "текст"`: the top 3 labels of each head with probabilities, and the words that weighed most.</summary>
internal sealed class ClassifyCommand : Command<ClassifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<TEXT>")]
        [Description("The appeal text")]
        public string Text { get; init; } = "";

        [CommandOption("--model <MODEL>")]
        [Description("The model to use. Defaults to ./data/otklik.model")]
        [DefaultValue(TextCommandSupport.DefaultModelPath)]
        public string Model { get; init; } = TextCommandSupport.DefaultModelPath;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Text) ? ValidationResult.Error("the text to classify is empty") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = TextCommandSupport.Out();
        var model = TextCommandSupport.LoadModel(settings.Model);
        if (model is null)
        {
            return TextCommandSupport.Failed;
        }

        var prediction = model.Predict(settings.Text, explain: true);
        foreach (var head in prediction.Heads)
        {
            var table = new Table().Title(head.NeedsOperator ? $"{head.Head} (unsure: needs an operator)" : head.Head)
                .AddColumns("label", "probability");
            foreach (var label in head.Top)
            {
                table.AddRow(Markup.Escape(label.Label), label.Probability.ToString("P1", CultureInfo.InvariantCulture));
            }

            console.Write(table);
            console.MarkupLine("words: " + Markup.Escape(string.Join(", ", head.Words.Select(w =>
                string.Create(CultureInfo.InvariantCulture, $"{w.Word} ({w.Weight:+0.00;-0.00})")))));
        }

        console.WriteLine($"model {prediction.ModelVersion}");
        return 0;
    }
}
