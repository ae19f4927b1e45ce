-- Fills a migrated Otklik SQLite database with generated cases of 2021-Q1, the same shape as load-postgres.sql,
-- from recursive-CTE rows, cases :first..:last of :cases in one transaction, so that 10 million load in parts:
--   sqlite3 r.db -cmd '.parameter set :cases 10000000' -cmd '.parameter set :first 1' -cmd '.parameter set :last 2500000' < load-sqlite.sql
-- Bulk-load tricks, said plainly: the indexes and the full-text trigger the ratings query does not use are dropped.
-- The case rows are written with their first message and author (migration 4's trigger on messages then finds nothing
-- to change); the reopened/reassigned counts are left to migration 4's trigger on case_events, as the workflow's are.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA foreign_keys = OFF;
DROP INDEX IF EXISTS cases_body; DROP INDEX IF EXISTS cases_status; DROP INDEX IF EXISTS cases_body_status;
DROP INDEX IF EXISTS cases_topic; DROP INDEX IF EXISTS cases_region;
DROP INDEX IF EXISTS cases_answer_due; DROP INDEX IF EXISTS cases_escalated; DROP INDEX IF EXISTS cases_open_topic;
DROP INDEX IF EXISTS messages_pending; DROP TRIGGER IF EXISTS messages_fts_insert;
BEGIN;
WITH RECURSIVE n(b) AS (SELECT 1 UNION ALL SELECT b + 1 FROM n WHERE b < 20000)
INSERT OR IGNORE INTO bodies (id, name, folded_name, level)
SELECT b, 'Орган ' || b, 'орган ' || b, CASE WHEN b <= 80 THEN 'federal' WHEN b <= 1000 THEN 'regional' ELSE 'municipal' END FROM n;
WITH RECURSIVE n(i) AS (SELECT :first UNION ALL SELECT i + 1 FROM n WHERE i < :last),
g AS (SELECT i, 1 + ((i * 2654435761) % 4294967291) % 20000 AS body, ((i * 40503) % 4294967291) AS h,
        1609459200 + (i - 1) * 7776000 / :cases AS created FROM n)
INSERT INTO cases (id, topic, region, city, body_id, status, created_at, updated_at, first_reply_at, answered_at, closed_at,
  first_reply_due, answer_due, first_message_id, first_author_id)
SELECT i, 't' || ((body * 7 + i % 6) % 120), 'Регион ' || (body % 85), 'Город ' || (body % 3000), body,
  CASE WHEN h % 100 < 70 THEN 'closed' WHEN h % 100 < 80 THEN 'answered' WHEN h % 100 < 90 THEN 'in_progress'
       WHEN h % 100 < 97 THEN 'assigned' ELSE 'new' END,
  strftime('%Y-%m-%dT%H:%M:%S.000000Z', created, 'unixepoch'),
  strftime('%Y-%m-%dT%H:%M:%S.000000Z', created + 3600 * (h % 900), 'unixepoch'),
  CASE WHEN h % 100 < 90 THEN strftime('%Y-%m-%dT%H:%M:%S.000000Z', created + 60 * (h % 7000), 'unixepoch') END,
  CASE WHEN h % 100 < 80 THEN strftime('%Y-%m-%dT%H:%M:%S.000000Z', created + 60 * (h % 40000), 'unixepoch') END,
  CASE WHEN h % 100 < 70 THEN strftime('%Y-%m-%dT%H:%M:%S.000000Z', created + 60 * (h % 50000), 'unixepoch') END,
  strftime('%Y-%m-%dT%H:%M:%S.000000Z', created + 86400, 'unixepoch'),
  strftime('%Y-%m-%dT%H:%M:%S.000000Z', created + 30 * 86400, 'unixepoch'),
  i, 'a' || (((i * 2246822519) % 4294967291) % 5000000)
FROM g;
WITH RECURSIVE n(i) AS (SELECT :first UNION ALL SELECT i + 1 FROM n WHERE i < :last)
INSERT INTO messages (id, channel, external_id, author_id, text, received_at, case_id)
SELECT i, 'bench', i, 'a' || (((i * 2246822519) % 4294967291) % 5000000), '', '2021-01-01T00:00:00.000000Z', i FROM n;
WITH RECURSIVE n(i) AS (SELECT :first UNION ALL SELECT i + 1 FROM n WHERE i < :last)
INSERT INTO case_events (case_id, at, actor, kind)
SELECT i, '2021-01-02T00:00:00.000000Z', 'bench', CASE WHEN i % 2 = 0 THEN 'reassigned' ELSE 'reopened' END
FROM n WHERE (i * 3266489917) % 4294967291 % 25 = 0;
COMMIT;
PRAGMA analysis_limit = 1000;
ANALYZE;
