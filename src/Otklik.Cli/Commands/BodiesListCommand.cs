using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary><c>otklik bodies list</c>: the registry of bodies.</summary>
public sealed class BodiesListCommand : AsyncCommand<BodiesListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BodiesListSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var store = await CliStore.OpenAsync(settings, cancellationToken);
        var bodies = await store.ListBodiesAsync(cancellationToken);
        if (settings.Json)
        {
            foreach (var b in bodies)
            {
                CliJson.WriteLine(new
                {
                    id = b.Id,
                    name = b.Name,
                    short_name = b.ShortName,
                    level = b.Level.ToString().ToLowerInvariant(),
                    region_code = b.RegionCode,
                    parent_id = b.ParentId,
                    region = b.Territory.Region,
                    district = b.Territory.District,
                    city = b.Territory.City,
                    contacts = b.Contacts,
                });
            }

            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("Id").RightAligned()).AddColumn("Name").AddColumn("Level")
            .AddColumn("Territory").AddColumn(new TableColumn("Parent").RightAligned());
        foreach (var b in bodies)
        {
            table.AddRow(
                b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(b.Name),
                b.Level.ToString().ToLowerInvariant(),
                Markup.Escape(b.Territory.ToString()),
                b.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{bodies.Count:N0} bodies in {store.Description}");
        return ExitCodes.Ok;
    }
}
