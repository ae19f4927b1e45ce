using System.Globalization;
using Otklik.Routing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary><c>otklik routing list</c>: the routing table stored in the database.</summary>
public sealed class RoutingListCommand : AsyncCommand<RoutingListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RoutingListSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var store = await CliStore.OpenAsync(settings, cancellationToken);
        var table = await store.LoadRoutingTableAsync(cancellationToken);
        if (table is null)
        {
            Console.Error.WriteLine($"otklik: no routing table in {store.Description}; routing uses the shipped data/routing/kursk-routing.csv.");
            Console.Error.WriteLine("hint: otklik routing import data/routing/kursk-routing.csv");
            return ExitCodes.Failed;
        }

        var rules = settings.OperatorOnly ? table.Rules.Where(r => r.Priority > 0).ToList() : table.Rules;
        if (settings.Csv)
        {
            var file = Path.GetTempFileName();
            try
            {
                RoutingTableFile.Save(new RoutingTable(rules, table.Fallbacks, table.TopicGroups), file);
                Console.Out.Write(File.ReadAllText(file));
            }
            finally
            {
                File.Delete(file);
            }

            return ExitCodes.Ok;
        }

        var view = new Table().Border(TableBorder.Simple).AddColumns("condition", "body", "priority", "weight", "support");
        foreach (var f in table.Fallbacks)
        {
            view.AddRow(Markup.Escape($"fallback in {f.Region}"), Markup.Escape(f.Body), "-", "-", "-");
        }

        foreach (var r in rules.OrderByDescending(r => r.Priority))
        {
            view.AddRow(Markup.Escape(r.Condition), Markup.Escape(r.Body), I(r.Priority), r.Weight.ToString("0.###", CultureInfo.InvariantCulture), I(r.Support));
        }

        AnsiConsole.Write(view);
        AnsiConsole.MarkupLineInterpolated(
            $"{rules.Count:N0} rules, {table.Fallbacks.Count:N0} fallbacks, {table.TopicGroups.Count:N0} topic groups in {store.Description}");
        return ExitCodes.Ok;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
