using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary><c>otklik stats</c>: case counts by topic group, topic and body.</summary>
public sealed class StatsCommand : AsyncCommand<StatsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StatsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var store = await CliStore.OpenAsync(settings, cancellationToken);
        var stats = await store.GetCaseStatsAsync(settings.Top, cancellationToken);
        if (settings.Json)
        {
            StatsPrinter.PrintJson(stats);
        }
        else
        {
            StatsPrinter.Print(stats);
        }

        return ExitCodes.Ok;
    }
}
