using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 7 of both dialects: what the ratings read of a case's messages and events, kept on the case row so that
/// rating a national period is one scan of <c>cases</c> instead of three index lookups per case — the first message's
/// id and author pseudonym (the per-author cap), and how many times the case was reopened and reassigned.
/// </summary>
/// <remarks>
/// Triggers keep the columns, so every write path does without knowing: the workflow's events, the message processor's
/// attach, the bulk import (SQLite statements, PostgreSQL COPY — row triggers fire on COPY). Messages and cases may be
/// written in either order (the import writes the message first, the processor the case first): whichever comes
/// second finds the other. "First" is the lowest message id, whatever the order messages are attached in.
/// A loader that turns triggers off (<c>session_replication_role = replica</c>) must fill the columns itself, as
/// bench/ratings/load-postgres.sql does. Existing rows are backfilled here, once.
/// </remarks>
internal static class RatingColumnsSchema
{
    private const string Description = "ratings: first message and author, reopened and reassigned counts on the case row";

    public static readonly Migration Sqlite = new(7, Description, """
        ALTER TABLE cases ADD COLUMN first_message_id INTEGER;
        ALTER TABLE cases ADD COLUMN first_author_id TEXT;
        ALTER TABLE cases ADD COLUMN reopened_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN reassigned_count INTEGER NOT NULL DEFAULT 0;
        UPDATE cases SET (first_message_id, first_author_id) =
          (SELECT m.id, m.author_id FROM messages m WHERE m.case_id = cases.id ORDER BY m.id LIMIT 1);
        UPDATE cases SET
          reopened_count = (SELECT COUNT(*) FROM case_events e WHERE e.case_id = cases.id AND e.kind = 'reopened'),
          reassigned_count = (SELECT COUNT(*) FROM case_events e WHERE e.case_id = cases.id AND e.kind = 'reassigned')
        WHERE id IN (SELECT case_id FROM case_events WHERE kind IN ('reopened', 'reassigned'));
        CREATE TRIGGER case_events_count_reopened AFTER INSERT ON case_events WHEN NEW.kind = 'reopened' BEGIN
          UPDATE cases SET reopened_count = reopened_count + 1 WHERE id = NEW.case_id; END;
        CREATE TRIGGER case_events_count_reassigned AFTER INSERT ON case_events WHEN NEW.kind = 'reassigned' BEGIN
          UPDATE cases SET reassigned_count = reassigned_count + 1 WHERE id = NEW.case_id; END;
        CREATE TRIGGER messages_first_of_case_insert AFTER INSERT ON messages WHEN NEW.case_id IS NOT NULL BEGIN
          UPDATE cases SET first_message_id = NEW.id, first_author_id = NEW.author_id
          WHERE id = NEW.case_id AND (first_message_id IS NULL OR first_message_id > NEW.id); END;
        CREATE TRIGGER messages_first_of_case_attach AFTER UPDATE OF case_id ON messages WHEN NEW.case_id IS NOT NULL BEGIN
          UPDATE cases SET first_message_id = NEW.id, first_author_id = NEW.author_id
          WHERE id = NEW.case_id AND (first_message_id IS NULL OR first_message_id > NEW.id); END;
        CREATE TRIGGER cases_first_message AFTER INSERT ON cases WHEN NEW.first_message_id IS NULL BEGIN
          UPDATE cases SET (first_message_id, first_author_id) =
            (SELECT m.id, m.author_id FROM messages m WHERE m.case_id = NEW.id ORDER BY m.id LIMIT 1)
          WHERE id = NEW.id AND EXISTS (SELECT 1 FROM messages m WHERE m.case_id = NEW.id); END;
        """);

    public static readonly Migration Postgres = new(7, Description, """
        ALTER TABLE cases
          ADD COLUMN first_message_id bigint,
          ADD COLUMN first_author_id text,
          ADD COLUMN reopened_count bigint NOT NULL DEFAULT 0,
          ADD COLUMN reassigned_count bigint NOT NULL DEFAULT 0;
        UPDATE cases c SET first_message_id = f.id, first_author_id = f.author_id
        FROM (SELECT DISTINCT ON (case_id) case_id, id, author_id FROM messages WHERE case_id IS NOT NULL ORDER BY case_id, id) f
        WHERE c.id = f.case_id;
        UPDATE cases c SET reopened_count = e.reopened, reassigned_count = e.reassigned
        FROM (SELECT case_id, COUNT(*) FILTER (WHERE kind = 'reopened') AS reopened, COUNT(*) FILTER (WHERE kind = 'reassigned') AS reassigned
              FROM case_events WHERE kind IN ('reopened', 'reassigned') GROUP BY case_id) e
        WHERE c.id = e.case_id;
        CREATE FUNCTION cases_count_event() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            UPDATE cases SET reopened_count = reopened_count + CASE WHEN NEW.kind = 'reopened' THEN 1 ELSE 0 END,
              reassigned_count = reassigned_count + CASE WHEN NEW.kind = 'reassigned' THEN 1 ELSE 0 END
            WHERE id = NEW.case_id;
            RETURN NULL;
          END $$;
        CREATE TRIGGER case_events_count AFTER INSERT ON case_events
          FOR EACH ROW WHEN (NEW.kind IN ('reopened', 'reassigned')) EXECUTE FUNCTION cases_count_event();
        CREATE FUNCTION messages_first_of_case() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            UPDATE cases SET first_message_id = NEW.id, first_author_id = NEW.author_id
            WHERE id = NEW.case_id AND (first_message_id IS NULL OR first_message_id > NEW.id);
            RETURN NULL;
          END $$;
        CREATE TRIGGER messages_first_of_case AFTER INSERT OR UPDATE OF case_id ON messages
          FOR EACH ROW WHEN (NEW.case_id IS NOT NULL) EXECUTE FUNCTION messages_first_of_case();
        CREATE FUNCTION cases_first_message() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            UPDATE cases c SET first_message_id = m.id, first_author_id = m.author_id
            FROM (SELECT id, author_id FROM messages WHERE case_id = NEW.id ORDER BY id LIMIT 1) m
            WHERE c.id = NEW.id;
            RETURN NULL;
          END $$;
        CREATE TRIGGER cases_first_message AFTER INSERT ON cases
          FOR EACH ROW WHEN (NEW.first_message_id IS NULL) EXECUTE FUNCTION cases_first_message();
        """);
}
