using Otklik.Errors;
using Otklik.Ingest;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary><c>otklik bodies import FILE</c>: adds bodies to the registry or updates them, matched by name.</summary>
public sealed class BodiesImportCommand : AsyncCommand<BodiesImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BodiesImportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var records = BodyFileReader.Read(settings.File).ToList();
        var bad = records.Where(r => r.Entry is null).ToList();
        foreach (var record in bad)
        {
            Console.Error.WriteLine($"{settings.File}:{record.Line}: {record.Error}");
        }

        var good = records.Where(r => r.Entry is not null).Select(r => r.Entry!).ToList();
        if (good.Count == 0 && bad.Count > 0)
        {
            throw new OtklikException($"No body in {settings.File} could be read.", "Fix the lines listed above.");
        }

        await using var store = await CliStore.OpenAsync(settings, cancellationToken);
        var outcome = await store.UpsertBodiesAsync(good, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"Bodies: {outcome.Added:N0} added, {outcome.Updated:N0} updated, {bad.Count:N0} bad records skipped ({store.Description}).");
        return bad.Count == 0 ? ExitCodes.Ok : ExitCodes.Quarantined;
    }
}
