using Otklik.Ratings.Input;
using Otklik.Storage.Cases;

namespace Otklik.Ratings.Sources;

/// <summary>
/// Case facts from the store (SQLite file or PostgreSQL connection string), streamed in creation order: one open
/// reader, one fact at a time, so a national period of millions of cases costs the engine's state, not the rows.
/// The SQL and the row mapping are the store's own (<see cref="CaseSession.StreamRatingFacts"/>), the same the server's
/// live ratings use.
/// </summary>
public static class StoreCaseFacts
{
    /// <summary>
    /// Cases created in [<paramref name="from"/>, <paramref name="to"/>). Opening migrates the database first (as every
    /// store verb does). The connection is held until enumeration ends or is abandoned.
    /// </summary>
    public static IEnumerable<CaseFactRecord> Read(string db, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentException.ThrowIfNullOrEmpty(db);

        // The engine is a synchronous consumer (IEnumerable); opening is the only async step, done once.
        var database = CaseDatabase.OpenAsync(db).GetAwaiter().GetResult();
        var session = database.OpenAsync(write: false).GetAwaiter().GetResult();
        try
        {
            foreach (var fact in session.StreamRatingFacts(from, to))
            {
                yield return new CaseFactRecord(fact, null);
            }
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
