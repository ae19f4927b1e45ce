using Otklik.Routing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary>
/// <c>otklik routing import FILE</c>: the file becomes the database's routing table, replacing the one there (the
/// file is the whole table). `route`, `import` and a server started afterwards route by it instead of the shipped file.
/// </summary>
public sealed class RoutingImportCommand : AsyncCommand<RoutingImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RoutingImportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RoutingTable table;
        try
        {
            table = RoutingTableFile.Load(settings.File);
        }
        catch (DataFileException e)
        {
            Console.Error.WriteLine($"otklik: {e.Message}");
            Console.Error.WriteLine("hint: see data/routing/SOURCE.md for the columns; nothing was imported.");
            return ExitCodes.Failed;
        }

        await using var store = await CliStore.OpenAsync(settings, cancellationToken);
        var rows = await store.ReplaceRoutingTableAsync(table, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"Routing table: {table.Rules.Count:N0} rules ({table.Rules.Count(r => r.Priority > 0):N0} operator rules), {table.Fallbacks.Count:N0} fallbacks, {table.TopicGroups.Count:N0} topic groups; {rows:N0} rows now in {store.Description}.");
        return ExitCodes.Ok;
    }
}
