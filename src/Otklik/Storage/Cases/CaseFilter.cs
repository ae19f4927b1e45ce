using Otklik.Model;

namespace Otklik.Storage.Cases;

/// <summary>Filters of the case list; all optional, combined with AND. <see cref="Limit"/> defaults to 50.</summary>
public sealed record CaseFilter
{
    public IReadOnlyList<CaseStatus>? Statuses { get; init; }
    public string? Topic { get; init; }
    public string? TopicGroup { get; init; }
    public long? BodyId { get; init; }
    public string? RegionCode { get; init; }
    public string? City { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public bool Overdue { get; init; }
    public string? Text { get; init; }
    public CaseSort Sort { get; init; } = CaseSort.Newest;
    public int Limit { get; init; } = 50;
    public CaseCursor? After { get; init; }

    /// <summary>
    /// The order the list is read in: by deadline for <see cref="CaseSort.Due"/>; newest first otherwise: with a search,
    /// by each case's newest matching message (the search index's order, <see cref="CaseListOrder.Match"/>); by creation
    /// time when a period is given (so the period's index is read newest first and stops at the page, instead of every
    /// case of the period being sorted by id); overdue cases by when they fell overdue, most recent first; else by id.
    /// </summary>
    public CaseListOrder Order =>
        Sort == CaseSort.Due ? CaseListOrder.Due
        : Text is not null ? CaseListOrder.Match
        : From is not null || To is not null ? CaseListOrder.Created
        : Overdue ? CaseListOrder.Overdue
        : CaseListOrder.Id;
}
