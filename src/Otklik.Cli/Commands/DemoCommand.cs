using Otklik.Errors;
using Otklik.Ingest;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary>
/// <c>otklik demo</c>: the main job on the shipped demo data. Today: import the Kursk appeals (2,000 cases, 75 bodies)
/// into the store and print the stats; a second run imports nothing and says so.
/// </summary>
public sealed class DemoCommand : AsyncCommand<StoreSettings>
{
    /// <summary>The demo file as shipped beside the binary (copied from data/demo at build).</summary>
    public static string DemoFile => Path.Combine(AppContext.BaseDirectory, "demo", "kursk-appeals.csv");

    public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(DemoFile))
        {
            throw new OtklikException($"The demo data is missing: {DemoFile}", "Rebuild: the build copies data/demo/ beside the binary.");
        }

        await using var store = await CliStore.OpenAsync(settings, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Demo: importing the Kursk region appeals (data/demo/kursk-appeals.csv) into {store.Description}");
        var summary = await ImportRunner.RunAsync(store, settings, [DemoFile], ImportSpec.Kursk(), quiet: false, cancellationToken);
        ImportRunner.PrintSummary(summary, store.Description);
        AnsiConsole.WriteLine();
        StatsPrinter.Print(await store.GetCaseStatsAsync(10, cancellationToken));
        return ImportRunner.ExitCodeOf(summary);
    }
}
