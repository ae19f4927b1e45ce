using Otklik.Storage.Cases;

namespace Otklik.Processing;

/// <summary>
/// One caller's batch of arriving messages, analyzed, waiting in <see cref="MessageProcessor"/>'s queue to be written
/// (alone or in one transaction with the batches queued beside it); <see cref="Written"/> completes after the commit.
/// </summary>
internal sealed class ArrivingBatch(
    IReadOnlyList<NewMessage> messages, (MessageAnalysis Analysis, byte[] Fingerprint)[] analyzed, TimeSpan analysisTime, string?[]? searchVectors)
{
    public IReadOnlyList<NewMessage> Messages { get; } = messages;

    public (MessageAnalysis Analysis, byte[] Fingerprint)[] Analyzed { get; } = analyzed;

    public TimeSpan AnalysisTime { get; } = analysisTime;

    /// <summary>PostgreSQL: each message's search vector, computed before the batch queued; null: the insert trigger computes them.</summary>
    public string?[]? SearchVectors { get; } = searchVectors;

    /// <summary>When it was queued (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public long Queued { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>One result per message, in order; null when it could not be written on arrival (nothing was).</summary>
    public TaskCompletionSource<List<InsertResult>?> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
