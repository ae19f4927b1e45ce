using System.Globalization;
using Otklik.Cases;
using Otklik.Model;
using Otklik.Storage.Cases;

namespace Otklik.Processing;

/// <summary>
/// What one batch of messages does to the cases, decided in memory before anything is written: which messages open
/// new cases, which join an open case (one found in the database or one opened earlier in the same batch), and the
/// events. Messages are added in arrival order, as if processed one at a time, so a mass complaint arriving in one
/// batch is one case. A case is referred to by its id, or by <c>-(n + 1)</c> for the n-th new case until it has an id;
/// a message by its position in the batch until it has an id.
/// </summary>
internal sealed class BatchPlan(DateTimeOffset now, double similarityThreshold, int candidatesPerKey)
{
    private readonly Dictionary<CandidateKey, List<(long CaseRef, byte[] Fingerprint)>> _open = [];
    private readonly List<long> _newCounts = [];
    private readonly List<NewCase> _newCases = [];
    private readonly List<int> _openers = [];
    private readonly List<CandidateKey> _openedKeys = [];
    private readonly Dictionary<long, long> _joinedExisting = [];
    private readonly List<long> _caseRefs = [];
    private readonly List<(int Message, CaseEvent Event)> _events = [];

    /// <summary>
    /// The cases to open, with how many messages each starts with and the message that opens each (the lowest id of its
    /// messages: the batch's ids increase in the order messages were added).
    /// </summary>
    /// <param name="messages">The id and author pseudonym of each message, in the order added.</param>
    public IReadOnlyList<NewCase> NewCases(IReadOnlyList<(long Id, string? AuthorId)> messages) =>
        _newCases.Select((c, i) => c with
        {
            MessageCount = _newCounts[i], FirstMessageId = messages[_openers[i]].Id, FirstAuthorId = messages[_openers[i]].AuthorId,
        }).ToList();

    /// <summary>Existing cases that messages joined, and how many joined each.</summary>
    public IReadOnlyList<(long CaseId, long Added)> JoinedExisting => _joinedExisting.Select(p => (p.Key, p.Value)).ToList();

    /// <summary>Plans the next message: joins the newest open case with the same key whose fingerprint is similar enough, or opens one.</summary>
    /// <param name="found">The open cases of <paramref name="key"/> in the database, newest first (consulted once per key).</param>
    public void Add(CandidateKey key, byte[] fingerprint, IReadOnlyList<CaseCandidate>? found, Func<NewCase> open, string? routedTo)
    {
        var message = _caseRefs.Count;
        if (!_open.TryGetValue(key, out var candidates))
        {
            candidates = found is null ? [] : found.Select(c => (c.Id, c.Fingerprint)).ToList();
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

                _caseRefs.Add(caseRef);
                _events.Add((message, new CaseEvent(0, caseRef, now, Actors.System, EventKinds.MessageJoined, null, null,
                    FormattableString.Invariant($"near-duplicate, similarity {similarity:0.00}"))));
                return;
            }
        }

        var item = open();
        _newCases.Add(item);
        _openers.Add(message);
        _openedKeys.Add(key);
        _newCounts.Add(1);
        var newRef = -(long)_newCases.Count;
        candidates.Insert(0, (newRef, fingerprint));
        if (candidates.Count > candidatesPerKey)
        {
            candidates.RemoveAt(candidates.Count - 1);
        }

        _caseRefs.Add(newRef);
        _events.Add((message, new CaseEvent(0, newRef, now, Actors.System, EventKinds.Created, null, "new", string.Join("; ", item.Reasons))));
        if (item.Status == CaseStatus.Assigned)
        {
            // The case had no body before it arrived (EventKinds.Assigned: body ids, whoever assigns).
            _events.Add((message, new CaseEvent(0, newRef, now, Actors.System, EventKinds.Assigned, null, EventKinds.BodyValue(item.BodyId), "routed: " + routedTo)));
        }
    }

    /// <summary>The keys this plan opens cases of, each once, with how many cases it opens of each.</summary>
    public IReadOnlyDictionary<CandidateKey, int> OpenedKeys => _openedKeys.CountBy(k => k).ToDictionary();

    /// <summary>
    /// Whether <paramref name="other"/>, planned for the same messages, decides each of them the same way: the same
    /// existing case joined, or the same new case (by its place among the new ones) opened or joined.
    /// </summary>
    public bool DecidesAs(BatchPlan other) => _caseRefs.SequenceEqual(other._caseRefs);

    /// <summary>The case of each message, in the order added, once the new cases have <paramref name="newIds"/>.</summary>
    public long[] CaseIds(long[] newIds) => _caseRefs.Select(r => Resolve(r, newIds)).ToArray();

    /// <summary>The events in the order they happened, with case ids resolved; a join names its message by <paramref name="messageIds"/>.</summary>
    public List<CaseEvent> Events(long[] newIds, IReadOnlyList<long> messageIds) =>
        _events.Select(e => e.Event with
        {
            CaseId = Resolve(e.Event.CaseId, newIds),
            After = e.Event.Kind == EventKinds.MessageJoined ? messageIds[e.Message].ToString(CultureInfo.InvariantCulture) : e.Event.After,
        }).ToList();

    private static long Resolve(long caseRef, long[] newIds) => caseRef < 0 ? newIds[-caseRef - 1] : caseRef;
}
