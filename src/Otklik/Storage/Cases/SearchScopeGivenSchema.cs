using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 20. PostgreSQL: an insert may give a message's scope lexemes (<see cref="SearchScopeSchema"/>) in
/// <c>tsv</c> and have the trigger put its text's vector in front of them, when the transaction sets
/// <see cref="Setting"/>. The import writes each batch's cases itself, so it knows every new message's body (and that
/// no new case is escalated); before, the trigger looked the case up again for every copied row (a query of its own
/// through the primary key): about 10 µs of CPU a row (100,000 one-word rows: 1.8–2.5 s against 0.9 s without the
/// scope, 0.9–1.0 s with it given; bench/import-trigger.sh). On real texts the scope's remaining cost is likely the
/// <c>||</c> of the text's vector with it, which stays. Without the setting nothing changes: a given vector is kept as it is (the ingest computes its
/// messages' whole vectors beforehand), a missing one is computed with the case's scope. The tokens are the same
/// either way. SQLite keeps its numbering with a no-op: its catch-up joins the cases once per statement.
/// </summary>
internal static class SearchScopeGivenSchema
{
    /// <summary>
    /// The transaction-local setting (<c>set_config(…, 'on', true)</c>) under which an inserted <c>tsv</c> holds only
    /// the scope lexemes, and the trigger adds the text's vector before them.
    /// </summary>
    public const string Setting = "otklik.search_scope_given";

    private const string Description = "search vector: an insert may give the scope lexemes and have the text's vector added";

    private static readonly string VectorOfNewText = SearchVectorSchema.VectorOf("NEW.text");

    public static readonly Migration Sqlite = new(20, Description + " (nothing to change on SQLite)", "SELECT 1;");

    // Migration 18's function with the first branch extended; the rest is unchanged.
    public static readonly Migration Postgres = new(20, Description, $$"""
        CREATE OR REPLACE FUNCTION messages_search_vector() RETURNS trigger LANGUAGE plpgsql AS $f$
          DECLARE b bigint; e bigint; ob bigint; oe bigint;
          BEGIN
            IF TG_OP = 'INSERT' AND NEW.tsv IS NOT NULL THEN
              IF current_setting('{{Setting}}', true) = 'on' THEN
                NEW.tsv := {{VectorOfNewText}} || NEW.tsv;
              END IF;
              RETURN NEW;
            END IF;
            SELECT body_id, escalated_to_body_id INTO b, e FROM cases WHERE id = NEW.case_id;
            IF TG_OP = 'INSERT' OR NEW.text IS DISTINCT FROM OLD.text THEN
              NEW.tsv := {{VectorOfNewText}} || message_scope_vector(b, e);
            ELSIF NEW.case_id IS DISTINCT FROM OLD.case_id THEN
              SELECT body_id, escalated_to_body_id INTO ob, oe FROM cases WHERE id = OLD.case_id;
              NEW.tsv := ts_delete(OLD.tsv, tsvector_to_array(message_scope_vector(ob, oe))) || message_scope_vector(b, e);
            END IF;
            RETURN NEW;
          END $f$;
        """);
}
