using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 6 of both dialects: what the read paths need at a million cases. Partial indexes of open cases (the inbox
/// by deadline, overdue, open statuses), the city-and-period index, an index of when each open case falls overdue, and
/// <c>open_case_counts</c>: open cases counted by owner, topic group and place, kept by triggers, so the dashboard's
/// "open now" is a sum over a few thousand rows instead of a count over every open case.
/// </summary>
internal static class ReadSchema
{
    private const string Description = "read paths: open-case indexes, city index, when open cases fall overdue, open case counts";

    /// <summary>The open statuses, word for word as the partial indexes name them (SQLite matches them literally).</summary>
    internal const string Open = "status IN ('new', 'assigned', 'in_progress', 'reopened')";

    /// <summary>
    /// When a case falls overdue: the earlier of the deadlines whose clock still runs (first reply not given, full
    /// answer not given); null when none runs. Overdue now ⇔ open and this is before now, which the list and the
    /// dashboard ask with the same text so the expression index serves them; <see cref="Otklik.Cases.CaseWorkflow.OverdueAt"/> is the
    /// same rule in C# (the overdue flag of a case read, the overdue list's cursor).
    /// </summary>
    internal const string OverdueAt = """
        (CASE WHEN (CASE WHEN c.first_reply_at IS NULL THEN c.first_reply_due END) IS NULL THEN (CASE WHEN c.answered_at IS NULL THEN c.answer_due END)
          WHEN (CASE WHEN c.answered_at IS NULL THEN c.answer_due END) IS NULL THEN c.first_reply_due
          WHEN c.first_reply_due < c.answer_due THEN c.first_reply_due ELSE c.answer_due END)
        """;

    // Whether a case has a running clock at all; a case without one is never overdue and never needs the live count.
    private static string Clock(string row) =>
        $"CASE WHEN ({row}first_reply_at IS NULL AND {row}first_reply_due IS NOT NULL) OR ({row}answered_at IS NULL AND {row}answer_due IS NOT NULL) THEN 1 ELSE 0 END";

    private static string Keys(string row) =>
        $"{row}body_id, {row}escalated_to_body_id, {row}topic_group, {row}region_code, {row}city, {Clock(row)}";

    private static string OpenOf(string row) => $"{row}status IN ('new', 'assigned', 'in_progress', 'reopened')";

    // The index text names the table's columns bare; queries use alias c, which both databases resolve to the same.
    private static string Indexes(string overdueAtBare) => $"""
        CREATE INDEX cases_open ON cases (id) WHERE {Open};
        CREATE INDEX cases_open_due ON cases (answer_due, id) WHERE {Open};
        CREATE INDEX cases_open_body_due ON cases (body_id, answer_due, id) WHERE {Open};
        CREATE INDEX cases_open_overdue_at ON cases (({overdueAtBare})) WHERE {Open};
        CREATE INDEX cases_city ON cases (city, created_at, id);
        CREATE TABLE open_case_counts (
          id @@ID@@,
          body_id BIGINT, escalated_to_body_id BIGINT, topic_group TEXT, region_code TEXT, city TEXT,
          clock BIGINT NOT NULL, cases BIGINT NOT NULL);
        INSERT INTO open_case_counts (body_id, escalated_to_body_id, topic_group, region_code, city, clock, cases)
        SELECT {Keys(string.Empty)}, COUNT(*) FROM cases WHERE {Open}
        GROUP BY body_id, escalated_to_body_id, topic_group, region_code, city, {Clock(string.Empty)};
        """;

    internal static readonly string BareOverdueAt = OverdueAt.Replace("c.", string.Empty, StringComparison.Ordinal);

    private static string KeyChanged =>
        "old.body_id IS NOT new.body_id OR old.escalated_to_body_id IS NOT new.escalated_to_body_id OR old.topic_group IS NOT new.topic_group"
        + $" OR old.region_code IS NOT new.region_code OR old.city IS NOT new.city OR ({Clock("old.")}) <> ({Clock("new.")})";

    private const string Columns = "body_id, escalated_to_body_id, topic_group, region_code, city, clock, cases";

    public static readonly Migration Sqlite = new(6, Description, Indexes(BareOverdueAt).Replace("@@ID@@", "INTEGER PRIMARY KEY", StringComparison.Ordinal) + $"""
        CREATE TRIGGER cases_open_insert AFTER INSERT ON cases WHEN {OpenOf("new.")} BEGIN
          INSERT INTO open_case_counts ({Columns}) VALUES ({Keys("new.")}, 1); END;
        CREATE TRIGGER cases_open_delete AFTER DELETE ON cases WHEN {OpenOf("old.")} BEGIN
          INSERT INTO open_case_counts ({Columns}) VALUES ({Keys("old.")}, -1); END;
        CREATE TRIGGER cases_open_update AFTER UPDATE OF status, body_id, escalated_to_body_id, topic_group, region_code, city,
            first_reply_at, answered_at, first_reply_due, answer_due ON cases
          WHEN ({OpenOf("old.")}) <> ({OpenOf("new.")}) OR ({OpenOf("new.")} AND ({KeyChanged})) BEGIN
          INSERT INTO open_case_counts ({Columns}) SELECT {Keys("old.")}, -1 WHERE {OpenOf("old.")};
          INSERT INTO open_case_counts ({Columns}) SELECT {Keys("new.")}, 1 WHERE {OpenOf("new.")}; END;
        """);

    // PostgreSQL: statement triggers over the transition tables, so a batch insert adds one row per key, not per case.
    // They append (never update a shared counter row), so concurrent writers never wait on each other here;
    // CaseSession.CompactOpenCountsAsync folds the rows now and then. ANALYZE at the end: without statistics on the
    // new expression index the planner guesses a third of the open cases are not yet overdue and scans them all.
    public static readonly Migration Postgres = new(6, Description, Indexes(BareOverdueAt).Replace("@@ID@@", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", StringComparison.Ordinal) + $$"""
        CREATE FUNCTION open_case_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
          INSERT INTO open_case_counts ({{Columns}}) SELECT {{Keys(string.Empty)}}, COUNT(*) FROM new_rows WHERE {{Open}}
            GROUP BY body_id, escalated_to_body_id, topic_group, region_code, city, {{Clock(string.Empty)}};
          RETURN NULL; END $f$;
        CREATE FUNCTION open_case_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
          INSERT INTO open_case_counts ({{Columns}}) SELECT {{Keys(string.Empty)}}, -COUNT(*) FROM old_rows WHERE {{Open}}
            GROUP BY body_id, escalated_to_body_id, topic_group, region_code, city, {{Clock(string.Empty)}};
          RETURN NULL; END $f$;
        CREATE FUNCTION open_case_counts_update() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
          INSERT INTO open_case_counts ({{Columns}})
          SELECT body_id, escalated_to_body_id, topic_group, region_code, city, clock, SUM(d) FROM (
            SELECT {{Keys(string.Empty)}} AS clock, -1 AS d FROM old_rows WHERE {{Open}}
            UNION ALL SELECT {{Keys(string.Empty)}}, 1 FROM new_rows WHERE {{Open}}) x
          GROUP BY body_id, escalated_to_body_id, topic_group, region_code, city, clock HAVING SUM(d) <> 0;
          RETURN NULL; END $f$;
        CREATE TRIGGER cases_open_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION open_case_counts_insert();
        CREATE TRIGGER cases_open_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION open_case_counts_delete();
        CREATE TRIGGER cases_open_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION open_case_counts_update();
        ANALYZE cases;
        """);

    /// <summary>
    /// <c>open_case_counts</c> counted again from the cases, for a bulk load that dropped the insert trigger
    /// (<see cref="Sql.BulkDerivedState"/>); the table's rows are deltas, so a full recount replaces them all.
    /// </summary>
    internal static string RebuildOpenCaseCounts => $"""
        DELETE FROM open_case_counts;
        INSERT INTO open_case_counts ({Columns})
        SELECT {Keys(string.Empty)}, COUNT(*) FROM cases WHERE {Open}
        GROUP BY body_id, escalated_to_body_id, topic_group, region_code, city, {Clock(string.Empty)};
        """;
}
