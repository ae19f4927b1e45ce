namespace Otklik.Storage.Cases;

/// <summary>The order a case list is read in, which follows from its sort and filters (<see cref="CaseFilter.Order"/>).</summary>
public enum CaseListOrder
{
    /// <summary>Newest first by id, which grows with arrival.</summary>
    Id,
    /// <summary>Nearest full-answer deadline first, then by id.</summary>
    Due,
    /// <summary>Newest first by creation time, then by id: newest first within a period.</summary>
    Created,
    /// <summary>
    /// Most recently overdue first: by when the case fell overdue (the earlier deadline of its running clocks), then by id. The
    /// overdue list's order: its index range holds only overdue cases, where newest-by-id would first skip every newer
    /// open case that is not due yet.
    /// </summary>
    Overdue,
    /// <summary>
    /// A search's order: by each case's newest message that matches the search, newest first (a case in the news again
    /// comes first). The page is the first cases the search index names, newest match first, with no case to settle
    /// beyond them: newest by id had to prove that no newer case held an older match, and on a store where mass
    /// complaints pile onto new cases that proof read their messages on every first page.
    /// </summary>
    Match,
}
