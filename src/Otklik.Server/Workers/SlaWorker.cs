using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Otklik.Sla;

namespace Otklik.Server.Workers;

/// <summary>Runs the SLA monitor on the app's clock (<see cref="SlaOptions.CheckEvery"/>), so a fake or accelerated clock drives it.</summary>
internal sealed class SlaWorker(SlaMonitor monitor, SlaPolicy policy, TimeProvider time, ILogger<SlaWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(policy.Options.CheckEvery, time);
        do
        {
            try
            {
                var pass = await monitor.RunOnceAsync(stoppingToken);
                if (pass.Reminders + pass.Escalations + pass.CasesWithTextsRemoved > 0)
                {
                    Log.SlaPass(logger, pass.Reminders, pass.Escalations, pass.CasesWithTextsRemoved);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SlaFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t is { IsCompletedSuccessfully: true, Result: true }, TaskScheduler.Default));
    }
}
