namespace Otklik.Storage.Cases;

/// <summary>
/// The PostgreSQL advisory locks that let several transactions write cases at once (several writers of one processor,
/// several server processes) without two of them opening a case for the same near-duplicate complaint, and without a
/// reader of id watermarks (the analytics rollups, the ratings cache) missing a case committed after a higher id.
/// SQLite needs none: its one write lock serializes every writer.
/// </summary>
internal static class WriteLocks
{
    /// <summary>
    /// Held shared by every transaction that creates cases or messages, from before it takes ids until it commits; a
    /// reader of the tables' highest ids takes it exclusively for a moment, so every id below the highest it reads is
    /// committed (or never will be). Any constant works; it only has to be the same for every Otklik process.
    /// </summary>
    public const long Writing = 0x4f746b6c696b03;

    /// <summary>
    /// Held (a session lock, on a connection of its own) by whoever checks or rebuilds the search index
    /// (<see cref="SearchIndexUpkeep"/>): two server processes, or a server and <c>otklik maintain</c>, never rebuild
    /// at once, and the second to come reads the first's record and finds nothing due.
    /// </summary>
    public const long SearchUpkeep = 0x4f746b6c696b04;

    /// <summary>
    /// Held by a transaction that adds bodies, from before its first until it commits. A body another transaction added
    /// uncommitted makes an insert of the same name wait for that commit; two transactions adding the same new bodies
    /// in opposite orders would each wait for the other until PostgreSQL's deadlock detection (a second) aborted one.
    /// New bodies are rare (a label names one the registry lacks), so their writers going one at a time costs little.
    /// </summary>
    public const long Bodies = 0x4f746b6c696b05;

    /// <summary>The first key of the two-key form that the candidate-key stripes use (distinct from any bigint lock above).</summary>
    public const int StripeClass = 0x4f746b03;

    /// <summary>
    /// Candidate keys hash into this many stripes, one lock each: a transaction takes at most this many locks (PostgreSQL's
    /// lock table is small), and two keys sharing a stripe only wait for each other a little longer.
    /// </summary>
    public const int Stripes = 64;

    /// <summary>
    /// The stripe of a candidate key: FNV-1a over its fields, the same in every process and run (string.GetHashCode is not).
    /// </summary>
    public static int Stripe(CandidateKey key)
    {
        var hash = 14695981039346656037UL;
        Mix(key.Topic);
        Mix(key.BodyId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Mix(key.RegionCode);
        Mix(key.City);
        return (int)(hash % Stripes);

        void Mix(string? field)
        {
            // A null field and an empty one must differ: the marker char ends each field, another marks null.
            foreach (var c in field ?? "\u0002")
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ 1) * 1099511628211UL;
        }
    }
}
