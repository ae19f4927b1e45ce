namespace Otklik.Cases;

/// <summary>The kinds of events in a case's history (camelCase strings: they are part of the API).</summary>
public static class EventKinds
{
    public const string Created = "created";
    public const string MessageJoined = "messageJoined";
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
}
