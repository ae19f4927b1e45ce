namespace Otklik.Storage;

/// <summary>One transaction's worth of import: new messages and the lines quarantined alongside them.</summary>
/// <param name="Actor">Who imports, recorded on each "created" event (e.g. <c>import:kursk-appeals.csv</c>).</param>
/// <param name="LabelSource">Recorded on cases whose labels came with the message; usually "input".</param>
public sealed record ImportBatch(
    IReadOnlyList<IncomingMessage> Messages,
    IReadOnlyList<QuarantineEntry> Rejected,
    string Actor,
    DateTimeOffset At,
    string LabelSource = "input")
{
    /// <summary>
    /// The batch's place in its import, from 0 without gaps, or -1. In a bulk load whose batches are written in
    /// parallel, batches take their ids in this order; every numbered batch must reach the store. Defaults to -1.
    /// </summary>
    public long Sequence { get; init; } = -1;
}
