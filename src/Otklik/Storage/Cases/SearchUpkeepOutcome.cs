namespace Otklik.Storage.Cases;

/// <summary>The outcome of one run of <see cref="SearchIndexUpkeep"/>.</summary>
public enum SearchUpkeepOutcome
{
    /// <summary>Another process (a server, <c>otklik maintain</c>) is checking or rebuilding at this moment.</summary>
    Busy,

    /// <summary>
    /// Too few messages were added, or too little time passed, since the last rebuild; or (SQLite) the merge is due but
    /// waits for the writers to pause (<see cref="SearchUpkeepOptions.SqlitePauseWait"/>).
    /// </summary>
    NotDue,

    /// <summary>The index was rebuilt (PostgreSQL) or merged into one segment (SQLite).</summary>
    Rebuilt,
}
