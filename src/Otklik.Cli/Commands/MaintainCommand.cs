using System.Globalization;
using Microsoft.Extensions.Options;
using Otklik.Errors;
using Otklik.Server;
using Otklik.Storage.Cases;
using Spectre.Console.Cli;

namespace Otklik.Cli.Commands;

/// <summary>
/// <c>otklik maintain</c>: the server's search index upkeep by hand (<see cref="SearchIndexUpkeep"/>). PostgreSQL:
/// drops what failed rebuilds left and rebuilds <c>messages_tsv</c> concurrently; SQLite: merges the full-text index
/// (<c>message_fts</c>) into one segment, holding the write lock meanwhile.
/// </summary>
public sealed class MaintainCommand : AsyncCommand<MaintainSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MaintainSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var database = await CaseDatabase.OpenAsync(CliStore.Settings(settings).DatabaseOrDefault, null, cancellationToken);
        var index = database.Dialect is PostgresDialect ? SearchIndexUpkeep.Index : SearchIndexUpkeep.SqliteIndex;
        Console.Error.WriteLine(settings.IfDue ? "Checking whether the search index is due for a rebuild…"
            : database.Dialect is PostgresDialect ? $"Rebuilding the search index {index} (REINDEX CONCURRENTLY: reads and writes go on meanwhile)…"
            : $"Merging the search index {index} into one segment (writers wait meanwhile, reads go on)…");

        var options = ServerOptions();
        var upkeep = new SearchIndexUpkeep(database, options, TimeProvider.System);
        var result = await upkeep.RunAsync(settings.IfDue ? SearchUpkeepRun.IfDue : SearchUpkeepRun.Now, cancellationToken);
        foreach (var leftover in result.DroppedLeftovers)
        {
            Console.WriteLine($"Dropped {leftover}, an invalid index a failed rebuild left.");
        }

        Console.WriteLine(Describe(result, index, options.MinInterval));
        return ExitCodes.Ok;
    }

    /// <summary>The rule the server keeps (its configuration: appsettings.json, Otklik__SearchUpkeep__* variables).</summary>
    private static SearchUpkeepOptions ServerOptions()
    {
        try
        {
            return OtklikServer.SearchUpkeepOptions();
        }
        catch (OptionsValidationException e)
        {
            throw new OtklikException(
                string.Join("; ", e.Failures), "fix Otklik:SearchUpkeep in appsettings.json or the Otklik__SearchUpkeep__* environment variables; otklik serve reads the same");
        }
    }

    private static string Describe(SearchUpkeepResult result, string index, TimeSpan minInterval)
    {
        var since = result.LastRebuiltAt is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"since the last rebuild ({at.UtcDateTime:yyyy-MM-dd HH:mm} UTC)")
            : "since the store began (no rebuild recorded)";
        return result.Outcome switch
        {
            SearchUpkeepOutcome.Busy =>
                "Another process (a server or otklik maintain) is checking or rebuilding the search index right now; nothing done.",
            SearchUpkeepOutcome.NotDue => string.Create(CultureInfo.InvariantCulture,
                $"Not due: {result.NewMessages:N0} messages added {since}; a rebuild needs {result.NeededMessages:N0} and {minInterval.TotalHours:0.##} h since the last one. Nothing rebuilt."),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"Rebuilt the search index {index} in {result.Duration.TotalSeconds:F1} s; {result.NewMessages:N0} messages added {since}, {result.Messages:N0} messages in all."),
        };
    }
}
