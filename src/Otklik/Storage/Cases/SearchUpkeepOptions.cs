namespace Otklik.Storage.Cases;

/// <summary>
/// When the server rebuilds PostgreSQL's search index (<see cref="SearchIndexUpkeep"/>). Bound from
/// <c>Otklik:SearchUpkeep</c> (environment: <c>Otklik__SearchUpkeep__MinInterval</c>, …), validated at start-up;
/// <c>otklik maintain --if-due</c> reads the same configuration.
/// The same rule holds on SQLite, where the upkeep merges the full-text index into one segment.
/// </summary>
/// <remarks>
/// Due when the messages added since the last rebuild (by count) reach <see cref="GrowthFraction"/> of those there
/// were then, and at least <see cref="MinNewMessages"/>, and <see cref="MinInterval"/> has passed. A rebuild reads the
/// whole table (6.6 s at 1.07M messages), so tying it to the growth keeps its cost per added message flat whatever the
/// store's size; the interval caps it on a day of heavy ingest.
/// </remarks>
public sealed class SearchUpkeepOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Otklik:SearchUpkeep";

    /// <summary>Whether the server looks at all. Defaults to true; <c>otklik maintain</c> works either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often the server looks whether a rebuild is due (one cheap query). Defaults to one hour; the first look is one
    /// interval after start, so a server's start-up and a short benchmark are left alone. Must be positive.
    /// </summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The least time between two rebuilds. Defaults to 24 hours. Must not be negative.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The fewest added messages that make a rebuild due. Defaults to 10,000: a smaller index is fast whatever its
    /// shape. Must be at least 1.
    /// </summary>
    public long MinNewMessages { get; set; } = 10_000;

    /// <summary>
    /// The added messages that make a rebuild due, as a fraction of the messages at the last rebuild. Defaults to 0.1
    /// (a million-message store: every 100,000). Must not be negative.
    /// </summary>
    public double GrowthFraction { get; set; } = 0.1;

    /// <summary>
    /// SQLite: how often the server looks. Defaults to 5 minutes: a look reads the highest message id and FTS5's
    /// structure record (and counts the messages), and the merge after an ingest burst should come soon after it ends.
    /// Must be positive.
    /// </summary>
    public TimeSpan SqliteCheckEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// SQLite: the index is also merged, whatever the growth and the interval, at a look that finds no message added
    /// since the previous look while it has at least this many FTS5 segments (in a store of at least
    /// <see cref="MinNewMessages"/> messages). Defaults to 6: the writers' own merge step
    /// leaves about 10 after an ingest, a search reads each term in every one, and one segment cost an executor's search
    /// 20–40 % less (docs/storage.md). Must be at least 2.
    /// </summary>
    public int SqliteMinSegments { get; set; } = 6;

    /// <summary>
    /// SQLite: how long a merge the growth rule made due waits for a look that finds the writers paused (no message
    /// added since the previous look) before it runs anyway. Defaults to 1 hour (12 looks at the default
    /// <see cref="SqliteCheckEvery"/>): the merge holds the write lock for seconds (3.7–4.5 s at 1.3M messages), so it
    /// should not land in an ingest burst, and bursts measured so far end within minutes; a store whose writers never
    /// pause for a look's interval has a steady stream, which then waits those seconds once, at most once a day at the
    /// default <see cref="MinInterval"/>. An hour on top of that interval leaves the merge's schedule nearly as it was.
    /// Zero merges at the first look that finds it due. Must not be negative.
    /// </summary>
    public TimeSpan SqlitePauseWait { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The growth rule: the <paramref name="added"/> messages since the last rebuild (of <paramref name="lastMessages"/>
    /// messages, at <paramref name="lastAt"/>; null when none is recorded) reach <see cref="NeededAfter"/>, and
    /// <see cref="MinInterval"/> has passed at <paramref name="now"/>.
    /// </summary>
    public bool GrowthDue(long added, long lastMessages, DateTimeOffset? lastAt, DateTimeOffset now) =>
        added >= NeededAfter(lastMessages) && (lastAt is null || now - lastAt >= MinInterval);

    /// <summary>The messages that must be added since a rebuild of an index of <paramref name="messages"/> before the next is due.</summary>
    public long NeededAfter(long messages) => Math.Max(MinNewMessages, (long)Math.Ceiling(GrowthFraction * messages));

    /// <summary>The problem with these values for the operator, or null when they are usable.</summary>
    public string? Problem() =>
        CheckEvery <= TimeSpan.Zero ? $"{Section}:CheckEvery must be positive"
        : SqliteCheckEvery <= TimeSpan.Zero ? $"{Section}:SqliteCheckEvery must be positive"
        : SqliteMinSegments < 2 ? $"{Section}:SqliteMinSegments must be at least 2"
        : SqlitePauseWait < TimeSpan.Zero ? $"{Section}:SqlitePauseWait must not be negative"
        : MinInterval < TimeSpan.Zero ? $"{Section}:MinInterval must not be negative"
        : MinNewMessages < 1 ? $"{Section}:MinNewMessages must be at least 1"
        : GrowthFraction < 0 || double.IsNaN(GrowthFraction) ? $"{Section}:GrowthFraction must not be negative"
        : null;
}
