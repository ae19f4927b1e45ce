using Otklik.Model;

namespace Otklik.Storage;

/// <summary>One page of cases; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record CasePage(IReadOnlyList<Case> Items, string? NextCursor);
