using System.Collections.Frozen;
using Otklik.Model;

namespace Otklik.Cases;

/// <summary>
/// The case state machine: new → assigned → in progress → answered → closed, with rejection, reassignment and
/// reopening. The table is the single source of truth: the API answers an invalid move with the allowed ones from here.
/// </summary>
public static class CaseWorkflow
{
    private static readonly FrozenDictionary<(CaseStatus, CaseAction), CaseStatus> Moves =
        new Dictionary<(CaseStatus, CaseAction), CaseStatus>
        {
            [(CaseStatus.New, CaseAction.Assign)] = CaseStatus.Assigned,
            [(CaseStatus.New, CaseAction.Reject)] = CaseStatus.Rejected,

            [(CaseStatus.Assigned, CaseAction.Start)] = CaseStatus.InProgress,
            [(CaseStatus.Assigned, CaseAction.Answer)] = CaseStatus.Answered,
            [(CaseStatus.Assigned, CaseAction.Reassign)] = CaseStatus.Assigned,
            [(CaseStatus.Assigned, CaseAction.Reject)] = CaseStatus.Rejected,

            [(CaseStatus.InProgress, CaseAction.Answer)] = CaseStatus.Answered,
            [(CaseStatus.InProgress, CaseAction.Reassign)] = CaseStatus.Assigned,

            [(CaseStatus.Answered, CaseAction.Close)] = CaseStatus.Closed,
            [(CaseStatus.Answered, CaseAction.Reopen)] = CaseStatus.Reopened,

            [(CaseStatus.Closed, CaseAction.Reopen)] = CaseStatus.Reopened,

            // A rejection can be a mistake: reopening puts the case back to triage.
            [(CaseStatus.Rejected, CaseAction.Reopen)] = CaseStatus.New,

            [(CaseStatus.Reopened, CaseAction.Assign)] = CaseStatus.Assigned,
            [(CaseStatus.Reopened, CaseAction.Start)] = CaseStatus.InProgress,
            [(CaseStatus.Reopened, CaseAction.Answer)] = CaseStatus.Answered,
            [(CaseStatus.Reopened, CaseAction.Reassign)] = CaseStatus.Assigned,
        }.ToFrozenDictionary();

    /// <summary>Actions that need a free-text reason (reject, reassign, reopen): the audit trail must say why.</summary>
    public static bool NeedsReason(CaseAction action) =>
        action is CaseAction.Reject or CaseAction.Reassign or CaseAction.Reopen;

    /// <summary>The actions allowed from a status, in declaration order.</summary>
    public static IReadOnlyList<CaseAction> Allowed(CaseStatus from) =>
        Enum.GetValues<CaseAction>().Where(action => Moves.ContainsKey((from, action))).ToList();

    /// <summary>The status after <paramref name="action"/>, or null when the move is not allowed.</summary>
    public static CaseStatus? Next(CaseStatus from, CaseAction action) =>
        Moves.TryGetValue((from, action), out var to) ? to : null;

    /// <summary>Open cases are the ones a body still owes something on; their deadlines run.</summary>
    public static bool IsOpen(CaseStatus status) =>
        status is CaseStatus.New or CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.Reopened;

    /// <summary>
    /// When a case falls overdue: the earlier due time of the clocks still running (first reply not given, full answer
    /// not given); null when none runs. An open case is overdue once this is past. The stores order and filter by the
    /// same rule in SQL (<c>ReadSchema.OverdueAt</c>).
    /// </summary>
    public static DateTimeOffset? OverdueAt(DateTimeOffset? firstReplyDue, DateTimeOffset? firstReplyAt, DateTimeOffset? answerDue, DateTimeOffset? answeredAt)
    {
        var firstReply = firstReplyAt is null ? firstReplyDue : null;
        var answer = answeredAt is null ? answerDue : null;
        return firstReply is null ? answer : answer is null || firstReply < answer ? firstReply : answer;
    }
}
