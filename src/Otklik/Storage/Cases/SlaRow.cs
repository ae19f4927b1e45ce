namespace Otklik.Storage.Cases;

/// <summary>An open case past one of its deadlines, with what the monitor already did about it (bit flags).</summary>
public sealed record SlaRow(long Id, long? BodyId, long? ParentBodyId, DateTimeOffset FirstReplyDue, DateTimeOffset AnswerDue,
    DateTimeOffset? FirstReplyAt, DateTimeOffset? AnsweredAt, SlaFlags Flags);
