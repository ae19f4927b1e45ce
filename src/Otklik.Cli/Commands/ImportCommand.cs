using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary><c>otklik import FILE…</c>: messages from JSON Lines or CSV into the store, each a new case.</summary>
public sealed class ImportCommand : AsyncCommand<ImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var spec = settings.ToSpec();
        await using var store = await CliStore.OpenAsync(settings, cancellationToken);
        var summary = await ImportRunner.RunAsync(store, settings, settings.Files, spec, settings.Json, cancellationToken, settings.ToBulkMode());
        var classified = await ImportClassification.RunAsync(settings, cancellationToken);
        var exit = ImportRunner.ExitCodeOf(summary);
        if (settings.Json)
        {
            ImportRunner.PrintJson(summary, store.Description, exit);
        }
        else
        {
            ImportRunner.PrintSummary(summary, store.Description);
            ImportClassification.Print(classified);
        }

        return exit;
    }
}
