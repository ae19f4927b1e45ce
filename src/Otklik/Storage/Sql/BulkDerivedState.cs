using Otklik.Storage.Cases;

namespace Otklik.Storage.Sql;

/// <summary>
/// The insert triggers a bulk-load window may drop, because the state they keep can be recomputed set-based at the
/// window's end; any other trigger that fires on inserts into the loaded tables stays in place and keeps firing per row
/// (slower, never wrong), and the window reports it as kept.
/// </summary>
/// <remarks>
/// How to add one (a new trigger that keeps a counter or a derived column): give its name (both dialects' names if they
/// differ) a family below, and the family the statements that recompute its state for everything the window loaded:
/// <c>@messages</c>, <c>@cases</c> and <c>@events</c> are the highest ids of those tables before the window opened.
/// The statements run after the indexes are rebuilt and before the trigger is recreated, in one transaction.
/// </remarks>
internal static class BulkDerivedState
{
    private const string OpenCounts = "open case counts";
    private const string FirstMessage = "first message of a case";
    private const string FirstMessageOrAttach = "first message of a case, also on attach";
    private const string SearchVector = "search vector";

    private static readonly Dictionary<string, string> Families = new(StringComparer.Ordinal)
    {
        ["cases_open_insert"] = OpenCounts,
        ["messages_first_of_case_insert"] = FirstMessage, // SQLite (row trigger); PostgreSQL (statement trigger, migration 14)
        ["messages_first_of_case"] = FirstMessageOrAttach, // PostgreSQL before migration 14: insert or attach; since then attach only
        ["cases_first_message"] = FirstMessage,
        [SearchVectorSchema.Trigger] = SearchVector, // PostgreSQL
    };

    // Every case a loaded message belongs to, and every loaded case: their first message is the lowest message id.
    // Only for a window that dropped a trigger which also fired on attaching a pending (older) message to a case.
    private const string TouchedCases = "SELECT case_id FROM messages WHERE id > @messages AND case_id IS NOT NULL UNION SELECT id FROM cases WHERE id > @cases";

    private const string FirstMessageSqlite = $"""
        UPDATE cases SET first_message_id = f.id, first_author_id = f.author_id
        FROM (SELECT case_id, min(id) AS id, author_id FROM messages WHERE case_id IN ({TouchedCases}) GROUP BY case_id) f
        WHERE cases.id = f.case_id AND (cases.first_message_id IS NOT f.id OR cases.first_author_id IS NOT f.author_id)
        """;

    private const string FirstMessagePostgres = $"""
        UPDATE cases c SET first_message_id = f.id, first_author_id = f.author_id
        FROM (SELECT DISTINCT ON (case_id) case_id, id, author_id FROM messages WHERE case_id IN ({TouchedCases}) ORDER BY case_id, id) f
        WHERE c.id = f.case_id AND (c.first_message_id IS DISTINCT FROM f.id OR c.first_author_id IS DISTINCT FROM f.author_id)
        """;

    // What the insert triggers would have done: they lower a case's first message to an inserted one with a lower id,
    // and an inserted message's id is above every stored one, so all they can do is fill a case without a first message
    // (a case inserted before its messages by another writer in the window). Every write path, the import's included,
    // writes the first message with the case, so this finds almost nothing; it reads the cases once (0.5 s CPU at a
    // million) instead of every loaded message and its case again (4.8 s CPU, sqlite3 3.49, bench/README.md).
    private const string MissingFirstMessageSqlite = """
        UPDATE cases SET first_message_id = f.id, first_author_id = f.author_id
        FROM (SELECT case_id, min(id) AS id, author_id FROM messages
              WHERE case_id IN (SELECT id FROM cases WHERE first_message_id IS NULL) GROUP BY case_id) f
        WHERE cases.id = f.case_id
        """;

    private const string MissingFirstMessagePostgres = """
        UPDATE cases c SET first_message_id = f.id, first_author_id = f.author_id
        FROM (SELECT DISTINCT ON (case_id) case_id, id, author_id FROM messages
              WHERE case_id IN (SELECT id FROM cases WHERE first_message_id IS NULL) ORDER BY case_id, id) f
        WHERE c.id = f.case_id
        """;

    // The window's end fills the loaded rows before the indexes, on several connections (PostgresStore.Bulk.cs); this
    // statement then only finds rows another writer inserted in the meantime, and runs once the GIN index exists.
    private static readonly string SearchVectorPostgres =
        SearchScopeSchema.FillVectors("m.id > @messages");

    /// <summary>True when the window may drop <paramref name="trigger"/> and recompute its state instead.</summary>
    public static bool Knows(string trigger) => Families.ContainsKey(trigger);

    /// <summary>The statements that recompute the state of the dropped <paramref name="triggers"/>, each family once.</summary>
    public static IEnumerable<string> RecomputeSql(IEnumerable<string> triggers, bool postgres)
    {
        var families = triggers.Where(Families.ContainsKey).Select(t => Families[t]).Distinct(StringComparer.Ordinal);
        foreach (var family in families)
        {
            yield return family switch
            {
                // Counted from scratch: also right when another writer changed statuses while the window was open.
                OpenCounts => ReadSchema.RebuildOpenCaseCounts,
                FirstMessage => postgres ? MissingFirstMessagePostgres : MissingFirstMessageSqlite,
                FirstMessageOrAttach => postgres ? FirstMessagePostgres : FirstMessageSqlite,
                SearchVector => SearchVectorPostgres,
                _ => throw new InvalidOperationException("unknown family " + family),
            };
        }
    }
}
