namespace Otklik.Server;

/// <summary>
/// How many case reads (the list, a case's detail and events) the server works on at once; the rest wait in arrival
/// order. Bound from <c>Otklik:Reads</c> (environment: <c>Otklik__Reads__MaxConcurrent</c>), validated at start-up.
/// </summary>
/// <remarks>
/// Why a limit: a read is a few milliseconds of CPU in the server and in the database. With more reads in flight than
/// cores, they time-share the cores (PostgreSQL backends, Kestrel threads, the GC) and every one of them gets slower;
/// a waiting read only waits. Queued in order, the tail follows the queue's length instead of the scheduler's luck.
/// </remarks>
public sealed class ReadLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Otklik:Reads";

    /// <summary>The rate-limiting policy the read endpoints name.</summary>
    public const string Policy = "reads";

    /// <summary>
    /// Reads served at once; 0 turns the limit off. Defaults to null: twice the processor count on PostgreSQL, no limit
    /// on SQLite (its reads run in this process, each on its own pool thread). A negative value is refused at start-up.
    /// </summary>
    public int? MaxConcurrent { get; set; }

    /// <summary>
    /// Reads that may wait for a turn; one more gets 503 Service Unavailable at once. Defaults to 1,000. A negative
    /// value is refused at start-up.
    /// </summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary><see cref="MaxConcurrent"/> with its default resolved for the database: 0 means no limit.</summary>
    public int Permits(bool postgres) => MaxConcurrent ?? (postgres ? 2 * Environment.ProcessorCount : 0);
}
