using Otklik.Storage.Cases;

namespace Otklik.Processing;

/// <summary>
/// A batch as <see cref="MessageProcessor"/> planned it: the messages with their analyses and candidate keys, the open
/// cases read per key, and the plan made from them; kept so the plan can be made again with candidates read later.
/// </summary>
internal sealed class PlannedBatch(
    IReadOnlyList<StoredMessage> messages, (MessageAnalysis Analysis, byte[] Fingerprint)[] analyzed, CandidateKey[] keys,
    Dictionary<CandidateKey, List<CaseCandidate>> found, DateTimeOffset now)
{
    public IReadOnlyList<StoredMessage> Messages { get; } = messages;

    public (MessageAnalysis Analysis, byte[] Fingerprint)[] Analyzed { get; } = analyzed;

    public CandidateKey[] Keys { get; } = keys;

    /// <summary>The open cases of each key as first read (keys without any are absent).</summary>
    public Dictionary<CandidateKey, List<CaseCandidate>> Found { get; } = found;

    public DateTimeOffset Now { get; } = now;

    public BatchPlan Plan { get; set; } = null!;
}
