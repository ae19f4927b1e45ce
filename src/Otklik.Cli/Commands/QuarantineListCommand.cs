using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary><c>otklik quarantine list</c>: the records imports could not take, with file, line and reason.</summary>
public sealed class QuarantineListCommand : AsyncCommand<QuarantineListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, QuarantineListSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var store = await CliStore.OpenAsync(settings, cancellationToken);
        var entries = await store.ListQuarantineAsync(settings.Limit, cancellationToken);
        if (settings.Json)
        {
            foreach (var e in entries)
            {
                CliJson.WriteLine(new
                {
                    source = e.Source,
                    line = e.Line,
                    reason = e.Reason,
                    at = e.At,
                    excerpt = settings.Excerpts ? e.Excerpt : null,
                });
            }

            return ExitCodes.Ok;
        }

        if (entries.Count == 0)
        {
            AnsiConsole.MarkupLine("The quarantine is empty.");
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("File").AddColumn(new TableColumn("Line").RightAligned()).AddColumn("Reason");
        if (settings.Excerpts)
        {
            table.AddColumn("Excerpt");
        }

        foreach (var e in entries)
        {
            var cells = new List<string> { Markup.Escape(e.Source), e.Line.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Reason) };
            if (settings.Excerpts)
            {
                cells.Add(Markup.Escape(e.Excerpt ?? string.Empty));
            }

            table.AddRow(cells.ToArray());
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
