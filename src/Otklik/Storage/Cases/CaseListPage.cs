namespace Otklik.Storage.Cases;

/// <summary>One page of the case list; <see cref="Next"/> is null on the last page.</summary>
public sealed record CaseListPage(IReadOnlyList<CaseRecord> Items, CaseCursor? Next);
