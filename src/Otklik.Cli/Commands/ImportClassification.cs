using Otklik.Processing;
using Otklik.Routing;
using Otklik.Storage.Cases;
using Otklik.Text.Classification;
using Otklik.Text.Understanding;
using Spectre.Console;

namespace Otklik.Cli.Commands;

/// <summary>
/// After an import: with a model in the data directory (<c>./data/otklik.model</c>), the cases without a topic or body
/// are classified and routed (labels in the input win); without one, nothing happens.
/// </summary>
internal static class ImportClassification
{
    public sealed record Outcome(string? ModelVersion, int Classified, int Assigned);

    public static async Task<Outcome?> RunAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        var resolved = CliStore.Settings(settings);
        var modelFile = Path.Combine(resolved.DataDirectory, "otklik.model");
        if (!File.Exists(modelFile))
        {
            return null;
        }

        ImportMemory.Lift();
        var database = await CaseDatabase.OpenAsync(resolved.DatabaseOrDefault, null, cancellationToken);
        // Read before the classifier opens its write session: opening the store again inside it would wait on SQLite's lock.
        var folder = ReferenceData.Find();
        var (table, _) = await RoutingTables.LoadAsync(resolved.DatabaseOrDefault, Path.Combine(folder, ReferenceData.RoutingTable), cancellationToken);
        string? version = null;
        var options = new UnderstandingOptions();
        var classifier = new CaseClassifier(database, () =>
        {
            var model = TextClassifier.Load(modelFile);
            version = model.ModelVersion;
            return ReferenceData.Load(model, folder, table);
        }, options, new ProcessingOptions().AutoAssignConfidence, TimeProvider.System);
        var (classified, assigned) = await classifier.ClassifyAsync(cancellationToken);
        return new Outcome(version, classified, assigned);
    }

    public static void Print(Outcome? outcome)
    {
        if (outcome is { Classified: > 0 } o)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"Classified {o.Classified:N0} cases without labels with model {o.ModelVersion}: {o.Assigned:N0} assigned, {o.Classified - o.Assigned:N0} left for an operator.");
        }
    }
}
