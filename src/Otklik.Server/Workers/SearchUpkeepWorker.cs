using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Otklik.Storage.Cases;

namespace Otklik.Server.Workers;

/// <summary>
/// Looks every <see cref="SearchUpkeepOptions.CheckEvery"/> of the app's clock whether the search index is due for a
/// rebuild (PostgreSQL) or a merge into one segment (SQLite), and does it (<see cref="SearchIndexUpkeep"/>). The first look is one interval after start: a
/// server's start-up, and a benchmark of a few minutes, are not joined by a rebuild.
/// </summary>
internal sealed class SearchUpkeepWorker(SearchIndexUpkeep upkeep, SearchUpkeepOptions options, TimeProvider time, ILogger<SearchUpkeepWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(upkeep.LookEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t is { IsCompletedSuccessfully: true, Result: true }, TaskScheduler.Default))
        {
            try
            {
                // The upkeep logs the rebuild itself (start, end, duration); a look that finds nothing due stays quiet.
                await upkeep.RunAsync(SearchUpkeepRun.Look, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SearchUpkeepFailed(logger, e);
            }
        }
    }
}
