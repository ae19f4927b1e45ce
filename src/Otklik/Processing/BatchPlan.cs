using System.Globalization;
using Otklik.Cases;
using Otklik.Model;
using Otklik.Storage.Cases;

namespace Otklik.Processing;

/// <summary>
/// What one batch of messages does to the cases, decided in memory before anything is written: which messages open
/// new cases, which join an open case (one found in the database or one opened earlier in the same batch), and the
/// events. Messages are taken in id order, as if processed one at a time, so a mass complaint arriving in one batch
/// is one case. A case is referred to by its id, or by <c>-(n + 1)</c> for the n-th new case until it has an id.
/// </summary>
internal sealed class BatchPlan(DateTimeOffset now, double similarityThreshold, int candidatesPerKey)
{
    private readonly Dictionary<CandidateKey, List<(long CaseRef, byte[] Fingerprint)>> _open = [];
    private readonly List<long> _newCounts = [];
    private readonly List<NewCase> _newCases = [];
    private readonly Dictionary<long, long> _joinedExisting = [];
    private readonly List<(long MessageId, long CaseRef)> _attachments = [];
    private readonly List<CaseEvent> _events = [];

    /// <summary>The cases to open, with how many messages each starts with.</summary>
    public IReadOnlyList<NewCase> NewCases => _newCases.Select((c, i) => c with { MessageCount = _newCounts[i] }).ToList();

    /// <summary>Existing cases that messages joined, and how many joined each.</summary>
    public IReadOnlyList<(long CaseId, long Added)> JoinedExisting => _joinedExisting.Select(p => (p.Key, p.Value)).ToList();

    /// <summary>Plans one message: joins the newest open case with the same key whose fingerprint is similar enough, or opens one.</summary>
    /// <param name="found">The open cases of <paramref name="key"/> in the database, newest first (consulted once per key).</param>
    public void Add(long messageId, CandidateKey key, byte[] fingerprint, IReadOnlyList<CaseCandidate>? found, Func<NewCase> open, string? routedTo)
    {
        if (!_open.TryGetValue(key, out var candidates))
        {
            candidates = found?.Select(c => (c.Id, c.Fingerprint)).ToList() ?? [];
            _open[key] = candidates;
        }

        foreach (var (caseRef, other) in candidates)
        {
            var similarity = TextFingerprint.Similarity(fingerprint, other);
            if (similarity >= similarityThreshold)
            {
                if (caseRef < 0)
                {
                    _newCounts[(int)(-caseRef - 1)]++;
                }
                else
                {
                    _joinedExisting[caseRef] = _joinedExisting.GetValueOrDefault(caseRef) + 1;
                }

                _attachments.Add((messageId, caseRef));
                _events.Add(new CaseEvent(0, caseRef, now, Actors.System, EventKinds.MessageJoined, null,
                    messageId.ToString(CultureInfo.InvariantCulture), FormattableString.Invariant($"near-duplicate, similarity {similarity:0.00}")));
                return;
            }
        }

        var item = open();
        _newCases.Add(item);
        _newCounts.Add(1);
        var newRef = -(long)_newCases.Count;
        candidates.Insert(0, (newRef, fingerprint));
        if (candidates.Count > candidatesPerKey)
        {
            candidates.RemoveAt(candidates.Count - 1);
        }

        _attachments.Add((messageId, newRef));
        _events.Add(new CaseEvent(0, newRef, now, Actors.System, EventKinds.Created, null, "new", string.Join("; ", item.Reasons)));
        if (item.Status == CaseStatus.Assigned)
        {
            _events.Add(new CaseEvent(0, newRef, now, Actors.System, EventKinds.Assigned, "new", "assigned", "routed: " + routedTo));
        }
    }

    /// <summary>Each message with the id of its case, once the new cases have <paramref name="newIds"/>.</summary>
    public List<(long MessageId, long CaseId)> Attachments(long[] newIds) =>
        _attachments.Select(a => (a.MessageId, Resolve(a.CaseRef, newIds))).ToList();

    /// <summary>The events in the order they happened, with case ids resolved.</summary>
    public List<CaseEvent> Events(long[] newIds) => _events.Select(e => e with { CaseId = Resolve(e.CaseId, newIds) }).ToList();

    private static long Resolve(long caseRef, long[] newIds) => caseRef < 0 ? newIds[-caseRef - 1] : caseRef;
}
