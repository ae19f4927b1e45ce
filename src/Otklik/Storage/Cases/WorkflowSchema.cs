using Otklik.Storage.Sql;

namespace Otklik.Storage.Cases;

/// <summary>
/// Migration 2 of both dialects: what the case workflow adds to the foundation's tables — the clocks and feedback of a
/// case, near-duplicate fingerprints, channel labels on messages, users and API keys, full-text search, list indexes.
/// A message with no case yet is pending processing (<c>case_id IS NULL</c>).
/// </summary>
internal static class WorkflowSchema
{
    private const string Description = "case workflow: clocks, feedback, fingerprints, message labels, users, API keys, search, list indexes";

    public static readonly Migration Sqlite = new(2, Description, """
        ALTER TABLE cases ADD COLUMN first_reply_at TEXT;
        ALTER TABLE cases ADD COLUMN answered_at TEXT;
        ALTER TABLE cases ADD COLUMN message_count INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE cases ADD COLUMN fingerprint BLOB;
        ALTER TABLE cases ADD COLUMN reasons TEXT;
        ALTER TABLE cases ADD COLUMN sla_flags INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN escalated_to_body_id INTEGER;
        ALTER TABLE cases ADD COLUMN feedback_token_hash TEXT;
        ALTER TABLE cases ADD COLUMN feedback_fixed INTEGER;
        ALTER TABLE cases ADD COLUMN feedback_at TEXT;
        ALTER TABLE cases ADD COLUMN feedback_comment TEXT;
        ALTER TABLE cases ADD COLUMN simulated INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN author_raw TEXT;
        ALTER TABLE messages ADD COLUMN topic_hint TEXT;
        ALTER TABLE messages ADD COLUMN topic_group_hint TEXT;
        ALTER TABLE messages ADD COLUMN body_hint TEXT;
        ALTER TABLE messages ADD COLUMN region_hint TEXT;
        ALTER TABLE messages ADD COLUMN city_hint TEXT;
        ALTER TABLE messages ADD COLUMN text_removed_at TEXT;
        ALTER TABLE messages ADD COLUMN simulated INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX messages_pending ON messages (id) WHERE case_id IS NULL;
        CREATE INDEX cases_status ON cases (status, id);
        CREATE INDEX cases_body_status ON cases (body_id, status, id);
        CREATE INDEX cases_topic ON cases (topic, id);
        CREATE INDEX cases_region ON cases (region_code, id);
        CREATE INDEX cases_created ON cases (created_at);
        CREATE INDEX cases_answer_due ON cases (answer_due, id);
        CREATE INDEX cases_escalated ON cases (escalated_to_body_id) WHERE escalated_to_body_id IS NOT NULL;
        CREATE INDEX cases_open_topic ON cases (topic, body_id, id) WHERE status IN ('new', 'assigned', 'in_progress', 'reopened');
        CREATE UNIQUE INDEX cases_feedback ON cases (feedback_token_hash) WHERE feedback_token_hash IS NOT NULL;
        CREATE TABLE users (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          role TEXT NOT NULL,
          body_id INTEGER REFERENCES bodies (id),
          include_children INTEGER NOT NULL DEFAULT 0,
          password_hash TEXT,
          created_at TEXT NOT NULL);
        CREATE TABLE api_keys (
          id INTEGER PRIMARY KEY,
          user_id INTEGER NOT NULL REFERENCES users (id),
          name TEXT NOT NULL,
          key_hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          revoked_at TEXT);
        CREATE VIRTUAL TABLE message_fts USING fts5 (text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
          INSERT INTO message_fts (rowid, text) VALUES (new.id, new.text); END;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
          INSERT INTO message_fts (message_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
          INSERT INTO message_fts (message_fts, rowid, text) VALUES ('delete', old.id, old.text);
          INSERT INTO message_fts (rowid, text) VALUES (new.id, new.text); END;
        INSERT INTO message_fts (message_fts) VALUES ('rebuild');
        """);

    public static readonly Migration Postgres = new(2, Description, """
        ALTER TABLE cases
          ADD COLUMN first_reply_at timestamptz,
          ADD COLUMN answered_at timestamptz,
          ADD COLUMN message_count bigint NOT NULL DEFAULT 1,
          ADD COLUMN fingerprint bytea,
          ADD COLUMN reasons text,
          ADD COLUMN sla_flags bigint NOT NULL DEFAULT 0,
          ADD COLUMN escalated_to_body_id bigint,
          ADD COLUMN feedback_token_hash text,
          ADD COLUMN feedback_fixed bigint,
          ADD COLUMN feedback_at timestamptz,
          ADD COLUMN feedback_comment text,
          ADD COLUMN simulated bigint NOT NULL DEFAULT 0;
        ALTER TABLE messages
          ADD COLUMN author_raw text,
          ADD COLUMN topic_hint text,
          ADD COLUMN topic_group_hint text,
          ADD COLUMN body_hint text,
          ADD COLUMN region_hint text,
          ADD COLUMN city_hint text,
          ADD COLUMN text_removed_at timestamptz,
          ADD COLUMN simulated bigint NOT NULL DEFAULT 0,
          ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('russian', text)) STORED;
        CREATE INDEX messages_pending ON messages (id) WHERE case_id IS NULL;
        CREATE INDEX messages_tsv ON messages USING GIN (tsv);
        CREATE INDEX cases_status ON cases (status, id);
        CREATE INDEX cases_body_status ON cases (body_id, status, id);
        CREATE INDEX cases_topic ON cases (topic, id);
        CREATE INDEX cases_region ON cases (region_code, id);
        CREATE INDEX cases_created ON cases (created_at);
        CREATE INDEX cases_answer_due ON cases (answer_due, id);
        CREATE INDEX cases_escalated ON cases (escalated_to_body_id) WHERE escalated_to_body_id IS NOT NULL;
        CREATE INDEX cases_open_topic ON cases (topic, body_id, id) WHERE status IN ('new', 'assigned', 'in_progress', 'reopened');
        CREATE UNIQUE INDEX cases_feedback ON cases (feedback_token_hash) WHERE feedback_token_hash IS NOT NULL;
        CREATE TABLE users (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          name text NOT NULL UNIQUE,
          role text NOT NULL,
          body_id bigint REFERENCES bodies (id),
          include_children bigint NOT NULL DEFAULT 0,
          password_hash text,
          created_at timestamptz NOT NULL);
        CREATE TABLE api_keys (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          user_id bigint NOT NULL REFERENCES users (id),
          name text NOT NULL,
          key_hash text NOT NULL UNIQUE,
          created_at timestamptz NOT NULL,
          revoked_at timestamptz);
        """);

    // The SLA monitor looks every minute for open cases it has not finished with; in a steady state that is a few
    // recent cases among a million, so the index holds only those (sla_flags 7: reminded twice and escalated).
    private const string SlaIndex = """
        CREATE INDEX cases_sla_pending ON cases (id)
          WHERE sla_flags < 7 AND status IN ('new', 'assigned', 'in_progress', 'reopened');
        """;

    public static readonly Migration SqliteSlaIndex = new(3, "case workflow: index of cases the SLA monitor still watches", SlaIndex);

    public static readonly Migration PostgresSlaIndex = new(3, "case workflow: index of cases the SLA monitor still watches", SlaIndex);
}
