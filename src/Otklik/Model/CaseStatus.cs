namespace Otklik.Model;

/// <summary>The life of a case. Allowed moves between statuses live in the case workflow, not here.</summary>
public enum CaseStatus
{
    New,
    Assigned,
    InProgress,
    Answered,
    Closed,
    Rejected,
    Reopened,
}
