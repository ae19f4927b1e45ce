using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 14 of both dialects: PostgreSQL's ingest writes. Measured on a 1M-case store (batches of 1,000 arriving
/// messages, pg_stat_statements and EXPLAIN ANALYZE, 30 Nov):
/// <list type="bullet">
/// <item>The candidate lookup (open cases of a topic, body and place created in the duplicate window) probed the
/// partial index (topic, body_id, id) and ANDed it with a bitmap of <c>cases_created</c> over every case of the whole
/// window, once per key: 52 ms for 370 keys, 95 ms a batch in the bench. The index now leads with the window's column
/// after the two equalities, so a probe reads only its key's recent cases: 4.8 ms for the same keys. It replaces
/// <c>cases_open_topic</c>, which only that lookup used.</item>
/// <item>The first-message trigger on messages ran a PL/pgSQL UPDATE of cases per inserted row, and each such UPDATE,
/// even of no row, fired the statement trigger that keeps <c>open_case_counts</c>: about 45 µs a message, nearly half
/// of the messages INSERT. Inserts now run one set-based UPDATE per statement over the inserted rows (a transition
/// table); attaching a pending message (an UPDATE of case_id, the slow path) keeps the row trigger.</item>
/// <item>Computing the search vector (<c>to_tsvector('russian', text)</c>) in the insert trigger was about a third of
/// the writer's CPU, on the one backend that holds the write transaction. The trigger now keeps a vector the insert
/// gives: the arrival path has the database compute the vectors on another connection before it queues for the writer
/// (<see cref="CaseSession.SearchVectorsAsync"/>), with the same expression. An insert without one, and every update of
/// the text, still computes it.</item>
/// </list>
/// SQLite keeps its numbering with a no-op: its lookup already walks its index newest first within the key.
/// </summary>
internal static class IngestSchema
{
    private const string Description = "ingest: candidate index by key and creation time, first-message trigger per statement, search vectors given on insert";

    public static readonly Migration Sqlite = new(14, Description + " (nothing to change on SQLite)", "SELECT 1;");

    public static readonly Migration Postgres = new(14, Description, $$"""
        CREATE OR REPLACE FUNCTION messages_search_vector() RETURNS trigger LANGUAGE plpgsql AS $f$
          BEGIN
            IF TG_OP = 'UPDATE' OR NEW.tsv IS NULL THEN NEW.tsv := {{SearchVectorSchema.VectorOf("NEW.text")}}; END IF;
            RETURN NEW;
          END $f$;
        CREATE INDEX cases_open_key ON cases (topic, body_id, created_at) WHERE status IN ('new', 'assigned', 'in_progress', 'reopened');
        DROP INDEX cases_open_topic;
        CREATE FUNCTION messages_first_of_cases() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            UPDATE cases c SET first_message_id = f.id, first_author_id = f.author_id
            FROM (SELECT DISTINCT ON (case_id) case_id, id, author_id FROM new_rows WHERE case_id IS NOT NULL ORDER BY case_id, id) f
            WHERE c.id = f.case_id AND (c.first_message_id IS NULL OR c.first_message_id > f.id);
            RETURN NULL;
          END $$;
        DROP TRIGGER messages_first_of_case ON messages;
        CREATE TRIGGER messages_first_of_case AFTER UPDATE OF case_id ON messages
          FOR EACH ROW WHEN (NEW.case_id IS NOT NULL) EXECUTE FUNCTION messages_first_of_case();
        CREATE TRIGGER messages_first_of_case_insert AFTER INSERT ON messages REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION messages_first_of_cases();
        """);
}
