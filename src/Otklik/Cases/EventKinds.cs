using System.Globalization;

namespace Otklik.Cases;

/// <summary>The kinds of events in a case's history (camelCase strings: they are part of the API).</summary>
public static class EventKinds
{
    public const string Created = "created";
    public const string MessageJoined = "messageJoined";

    /// <summary>
    /// A body took the case: before/after are body ids (<see cref="BodyValue"/>), whoever assigned it: the body the case
    /// had (the input's label or the model's suggestion; null when it had none, as for a message that arrives routed) and
    /// the body it has now, the same form as <see cref="Reassigned"/> and <see cref="Escalated"/>. The status change is the
    /// kind itself: every <c>assigned</c> event moves the case to status <c>assigned</c> (from <c>new</c>, or from
    /// <c>reopened</c> by an operator). The system's note names the body ("routed: …"); an operator's has none.
    /// <para>
    /// The old form: before session 18 the arrival path and the classifier wrote the statuses instead, before "new" and
    /// after "assigned", with the body only in the note. Events are never rewritten, so readers tell the forms apart by
    /// the values (a body id is digits, a status never is) and read the old form as the move new → assigned to the body
    /// the note names (the web timeline, <c>eventValues</c> in wwwroot/js/format.js, does so).
    /// </para>
    /// </summary>
    public const string Assigned = "assigned";
    public const string Reassigned = "reassigned";
    public const string Started = "started";
    public const string Answered = "answered";
    public const string FirstReply = "firstReply";
    public const string InterimReply = "interimReply";
    public const string Closed = "closed";
    public const string Rejected = "rejected";
    public const string Reopened = "reopened";
    public const string Reminder = "reminder";
    public const string Escalated = "escalated";
    public const string Feedback = "feedback";
    public const string TextsRemoved = "textsRemoved";

    /// <summary>An operator corrected the topic: before/after are "group / topic"; the pairs feed retraining.</summary>
    public const string Relabeled = "relabeled";

    /// <summary>
    /// A model labeled and routed a case the input left without a topic or a body: before/after are "group / topic"; the
    /// note names the body (suggested or assigned), the label source, the confidence and the reasons.
    /// </summary>
    public const string Predicted = "predicted";

    /// <summary>The before and after of <see cref="Relabeled"/> and <see cref="Predicted"/>: "group / topic", "—" for a missing one.</summary>
    public static string TopicValue(string? group, string? topic) => $"{group ?? "—"} / {topic ?? "—"}";

    /// <summary>The before and after of <see cref="Assigned"/>, <see cref="Reassigned"/> and <see cref="Escalated"/>: a body id; null for no body.</summary>
    public static string? BodyValue(long? bodyId) => bodyId?.ToString(CultureInfo.InvariantCulture);
}
