namespace Otklik.Storage.Cases;

/// <summary>What kind of run of <see cref="SearchIndexUpkeep"/> this is: the rules differ on SQLite.</summary>
public enum SearchUpkeepRun
{
    /// <summary>
    /// One of the server's periodic looks. SQLite applies the pause rule: a merge runs only at a look that saw no new
    /// message since the previous look, or once it has waited <see cref="SearchUpkeepOptions.SqlitePauseWait"/>.
    /// </summary>
    Look,

    /// <summary>
    /// A single look by hand (<c>otklik maintain --if-due</c>): the growth rule at once. One look cannot see a pause, and
    /// a cron job picks its own (quiet) hour.
    /// </summary>
    IfDue,

    /// <summary>Rebuild now, due or not (<c>otklik maintain</c>).</summary>
    Now,
}
