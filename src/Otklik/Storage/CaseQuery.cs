using Otklik.Model;

namespace Otklik.Storage;

/// <summary>
/// A filter over cases with keyset paging: newest first; pass the previous page's <see cref="CasePage.NextCursor"/>
/// as <see cref="Cursor"/> for the next one. Null filters match everything.
/// </summary>
/// <param name="Limit">Page size, 1 to 1,000. Defaults to 50.</param>
public sealed record CaseQuery(
    CaseStatus? Status = null,
    string? TopicGroup = null,
    string? Topic = null,
    long? BodyId = null,
    string? RegionCode = null,
    string? Cursor = null,
    int Limit = 50);
