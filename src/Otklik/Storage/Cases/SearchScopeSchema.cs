using System.Globalization;
using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 18 of both dialects: the search index also holds, for each message, tokens naming the bodies that may see
/// its case (the owner and the body it is escalated to), so an executor's search asks the index for "the words AND one
/// of my bodies" and reads only its own matches. Before, a common word (213,000 matches at a million cases, 186 of them
/// in one body's cases) read every match and checked its case: 2–3 s p99 per executor search on both databases.
/// <para>
/// SQLite: <c>message_fts</c> gets a second column, <c>scope</c>, read through the view like the text. FTS5 refuses
/// column filters at <c>detail=none</c> (migration 13), so a typed word is kept off the scope tokens by their form
/// instead: each starts with <see cref="SqliteMark"/>, a private-use character that <c>unicode61</c> keeps inside a token
/// (its categories are L*, N* and Co) and <see cref="SearchWords"/> drops as a separator (not a letter or digit). Every
/// change of what a message's tokens are deletes the old row with exactly what the index holds and inserts the new one:
/// the catch-up (new messages, the import's too), a pending message attached to a case, a case moved to another body or
/// escalated, retention blanking a text, a deleted message. Rows above the search watermark are skipped, as before.
/// </para>
/// <para>
/// PostgreSQL: <c>messages.tsv</c> also holds the lexemes <c>#b7</c> and <c>#e7</c> (<see cref="ScopeVector"/>), which
/// <c>plainto_tsquery</c> of letters and digits cannot produce. The insert trigger adds them to the text's vector; an
/// attach or a case's move swaps them with <c>ts_delete</c> and <c>||</c> instead of parsing the text again.
/// </para>
/// The list keeps its exact scope check in SQL (<see cref="CaseScope.Sql"/>): the tokens only narrow what is read.
/// SQLite's tokens are one per word and body since migration 24 (<see cref="SearchWordScopeSchema"/>); this class keeps
/// the token forms migrations 18 and 23 wrote.
/// </summary>
internal static class SearchScopeSchema
{
    /// <summary>The first character of every SQLite scope token: Unicode private use, inside a token for FTS5, never typed.</summary>
    public const string SqliteMark = "\uE000";

    private const string Description = "search index: scope tokens (owner and escalation body) beside the text";

    private const string Watermark = "(SELECT last_message_id FROM search_state WHERE id = 1)";

    /// <summary>SQLite: the scope tokens of a case owned by <paramref name="body"/> and escalated to <paramref name="escalated"/>.</summary>
    public static string SqliteTokens(string body, string escalated) =>
        $"(coalesce('{SqliteMark}b' || {body}, '') || coalesce(' {SqliteMark}e' || {escalated}, ''))";

    /// <summary>SQLite: the scope tokens of the case <paramref name="caseId"/>, none without one.</summary>
    public static string SqliteTokensOfCase(string caseId) =>
        $"(SELECT {SqliteTokens("c.body_id", "c.escalated_to_body_id")} FROM cases c WHERE c.id = {caseId})";

    /// <summary>PostgreSQL: the scope lexemes of a case owned by <paramref name="body"/> and escalated to <paramref name="escalated"/>.</summary>
    public static string ScopeVector(string body, string escalated) => $"message_scope_vector({body}, {escalated})";

    /// <summary>PostgreSQL: a tsquery for <paramref name="query"/> (a tsquery expression) in one of <paramref name="bodies"/>' cases.</summary>
    public static string PostgresScoped(string query, IReadOnlyList<long> bodies) =>
        $"({query} && '{string.Join(" | ", bodies.SelectMany(b => new[] { $"''#b{Id(b)}''", $"''#e{Id(b)}''" }))}'::tsquery)";

    /// <summary>
    /// PostgreSQL: the scope lexeme of a case owned by <paramref name="body"/>, as <c>message_scope_vector</c> spells it,
    /// for a writer that gives the scope itself (<see cref="SearchScopeGivenSchema"/>).
    /// </summary>
    public static string OwnerLexeme(long body) => "#b" + Id(body);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static readonly string Folded = SearchYoSchema.FoldedText("m.text");

    public static readonly Migration Sqlite = new(18, Description, $"""
        DROP TRIGGER messages_fts_delete;
        DROP TRIGGER messages_fts_update;
        DROP TABLE message_fts;
        DROP VIEW message_search_text;
        CREATE VIEW message_search_text AS
          SELECT m.id, {Folded} AS text, {SqliteTokens("c.body_id", "c.escalated_to_body_id")} AS scope
          FROM messages m LEFT JOIN cases c ON c.id = m.case_id;
        CREATE VIRTUAL TABLE message_fts USING fts5 (text, scope, content='message_search_text', content_rowid='id', {SearchDetailSchema.Options});
        INSERT INTO message_fts (message_fts, rank) VALUES ('hashsize', 16777216);
        INSERT INTO message_fts (message_fts) VALUES ('rebuild');
        UPDATE search_state SET last_message_id = (SELECT coalesce(max(id), 0) FROM messages) WHERE id = 1;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
          WHEN old.id <= {Watermark} BEGIN
          INSERT INTO message_fts (message_fts, rowid, text, scope)
            VALUES ('delete', old.id, {SearchYoSchema.FoldedText("old.text")}, {SqliteTokensOfCase("old.case_id")}); END;
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, case_id ON messages
          WHEN old.id <= {Watermark} AND (old.text IS NOT new.text OR old.case_id IS NOT new.case_id) BEGIN
          INSERT INTO message_fts (message_fts, rowid, text, scope)
            VALUES ('delete', old.id, {SearchYoSchema.FoldedText("old.text")}, {SqliteTokensOfCase("old.case_id")});
          INSERT INTO message_fts (rowid, text, scope)
            VALUES (new.id, {SearchYoSchema.FoldedText("new.text")}, {SqliteTokensOfCase("new.case_id")}); END;
        CREATE TRIGGER cases_fts_scope AFTER UPDATE OF body_id, escalated_to_body_id ON cases
          WHEN old.body_id IS NOT new.body_id OR old.escalated_to_body_id IS NOT new.escalated_to_body_id BEGIN
          INSERT INTO message_fts (message_fts, rowid, text, scope)
            SELECT 'delete', m.id, {Folded}, {SqliteTokens("old.body_id", "old.escalated_to_body_id")}
            FROM messages m WHERE m.case_id = old.id AND m.id <= {Watermark};
          INSERT INTO message_fts (rowid, text, scope)
            SELECT m.id, {Folded}, {SqliteTokens("new.body_id", "new.escalated_to_body_id")}
            FROM messages m WHERE m.case_id = new.id AND m.id <= {Watermark}; END;
        """);

    /// <summary>
    /// PostgreSQL: the statements that fill the null search vectors of the messages <paramref name="range"/> (a
    /// condition on <c>m</c>) selects, for the bulk load's fill, which runs with the insert trigger dropped: first the
    /// messages of a case, joined to their cases once (the text's vector, then the case's scope), then the rest (no
    /// case) with the text's vector alone, the same vectors the trigger computes (before, a subquery per row looked up
    /// each message's case).
    /// </summary>
    public static string FillVectors(string range) => $"""
        UPDATE messages m SET tsv = {VectorOfRow} || {ScopeVector("c.body_id", "c.escalated_to_body_id")}
          FROM cases c WHERE c.id = m.case_id AND {range} AND m.tsv IS NULL;
        UPDATE messages m SET tsv = {VectorOfRow} WHERE {range} AND m.tsv IS NULL;
        """;

    private static readonly string VectorOfRow = SearchVectorSchema.VectorOf("m.text");

    // The vector's scope part is swapped on an attach and on a case's move: the text is not parsed again. A vector still
    // null (a bulk load's rows before its fill) stays null, and the fill computes it whole. The scope function casts
    // its ids to text itself: "text || bigint" is only stable, so the immutable function was not inlined and ran as a
    // function call per row (1,000 inserted messages: 14 ms for their vectors with it, 9 ms inlined, 8 ms for the join).
    public static readonly Migration Postgres = new(18, Description, $$"""
        CREATE FUNCTION message_scope_vector(body bigint, escalated bigint) RETURNS tsvector
          LANGUAGE sql IMMUTABLE PARALLEL SAFE
          AS $f$ SELECT array_to_tsvector(array_remove(ARRAY['#b' || body::text, '#e' || escalated::text], NULL)) $f$;
        CREATE OR REPLACE FUNCTION messages_search_vector() RETURNS trigger LANGUAGE plpgsql AS $f$
          DECLARE b bigint; e bigint; ob bigint; oe bigint;
          BEGIN
            IF TG_OP = 'INSERT' AND NEW.tsv IS NOT NULL THEN RETURN NEW; END IF;
            SELECT body_id, escalated_to_body_id INTO b, e FROM cases WHERE id = NEW.case_id;
            IF TG_OP = 'INSERT' OR NEW.text IS DISTINCT FROM OLD.text THEN
              NEW.tsv := {{SearchVectorSchema.VectorOf("NEW.text")}} || message_scope_vector(b, e);
            ELSIF NEW.case_id IS DISTINCT FROM OLD.case_id THEN
              SELECT body_id, escalated_to_body_id INTO ob, oe FROM cases WHERE id = OLD.case_id;
              NEW.tsv := ts_delete(OLD.tsv, tsvector_to_array(message_scope_vector(ob, oe))) || message_scope_vector(b, e);
            END IF;
            RETURN NEW;
          END $f$;
        DROP TRIGGER {{SearchVectorSchema.Trigger}} ON messages;
        CREATE TRIGGER {{SearchVectorSchema.Trigger}} BEFORE INSERT OR UPDATE OF text, case_id ON messages
          FOR EACH ROW EXECUTE FUNCTION messages_search_vector();
        CREATE FUNCTION cases_search_scope() RETURNS trigger LANGUAGE plpgsql AS $f$
          BEGIN
            UPDATE messages SET tsv = ts_delete(tsv, tsvector_to_array(message_scope_vector(OLD.body_id, OLD.escalated_to_body_id)))
                || message_scope_vector(NEW.body_id, NEW.escalated_to_body_id)
              WHERE case_id = NEW.id;
            RETURN NULL;
          END $f$;
        CREATE TRIGGER cases_search_scope AFTER UPDATE OF body_id, escalated_to_body_id ON cases FOR EACH ROW
          WHEN (OLD.body_id IS DISTINCT FROM NEW.body_id OR OLD.escalated_to_body_id IS DISTINCT FROM NEW.escalated_to_body_id)
          EXECUTE FUNCTION cases_search_scope();
        DROP INDEX {{SearchVectorSchema.Index}};
        UPDATE messages m SET tsv = m.tsv || message_scope_vector(c.body_id, c.escalated_to_body_id)
          FROM cases c WHERE c.id = m.case_id AND (c.body_id IS NOT NULL OR c.escalated_to_body_id IS NOT NULL);
        CREATE INDEX {{SearchVectorSchema.Index}} ON messages USING GIN (tsv);
        """);
}
