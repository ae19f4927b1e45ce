namespace Otklik.Storage;

/// <summary>One transaction's worth of import: new messages and the lines quarantined alongside them.</summary>
/// <param name="Actor">Who imports, recorded on each "created" event (e.g. <c>import:kursk-appeals.csv</c>).</param>
/// <param name="LabelSource">Recorded on cases whose labels came with the message; usually "input".</param>
public sealed record ImportBatch(
    IReadOnlyList<IncomingMessage> Messages,
    IReadOnlyList<QuarantineEntry> Rejected,
    string Actor,
    DateTimeOffset At,
    string LabelSource = "input");
