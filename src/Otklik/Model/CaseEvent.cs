namespace Otklik.Model;

/// <summary>
/// One entry of a case's append-only history: who did what, when, with the value before and after.
/// Events are never updated or deleted; they are the audit trail.
/// </summary>
public sealed record CaseEvent(
    long Id,
    long CaseId,
    DateTimeOffset At,
    string Actor,
    string Kind,
    string? Before,
    string? After,
    string? Note);
