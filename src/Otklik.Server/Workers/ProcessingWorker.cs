using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Otklik.Processing;

namespace Otklik.Server.Workers;

/// <summary>
/// Resumes pending work: at start (messages stored before a crash but not yet processed) and then every few seconds
/// (messages whose inline processing failed). Requests process their own messages inline; this is the safety net.
/// </summary>
internal sealed class ProcessingWorker(MessageProcessor processor, ILogger<ProcessingWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var count = await processor.ProcessPendingAsync(stoppingToken);
                if (count > 0)
                {
                    Log.Processed(logger, count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ProcessingFailed(logger, e);
            }

            // Real time on purpose: this is a retry loop, not business time, and must not stall under a fake clock.
            await Task.Delay(Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
