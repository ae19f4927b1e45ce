namespace Otklik.Storage.Cases;

/// <summary>One page of the case list; <see cref="Next"/> is null on the last page.</summary>
public sealed record CasePage(IReadOnlyList<CaseRecord> Items, CaseCursor? Next);
