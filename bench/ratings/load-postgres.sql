-- Fills a migrated Otklik PostgreSQL database with :cases generated cases of 2021-Q1 (one message and author each,
-- some reassigned and reopened events) for 20,000 bodies, in SQL: nothing crosses the wire.
--   psql "$PG" -v cases=10000000 -f bench/ratings/load-postgres.sql
-- Bulk-load tricks, said plainly: triggers are off during the load (session_replication_role=replica: the foreign keys
-- and the triggers of migration 4 that keep first_author_id, reopened_count and reassigned_count), so the load writes
-- those columns itself, from the same hashes as the messages and events it writes; the indexes the ratings query does
-- not use are dropped (search, status, topic...), and cases_created is built after the load. The ratings query reads
-- only cases (and bodies once).
\timing on
SET session_replication_role = replica;
DROP INDEX IF EXISTS cases_body, cases_status, cases_body_status, cases_topic, cases_region, cases_created, cases_answer_due,
  cases_escalated, cases_open_topic, cases_feedback, messages_pending, messages_tsv;
ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_channel_external_id_key;
TRUNCATE case_events, messages, cases, bodies RESTART IDENTITY CASCADE;
INSERT INTO bodies (id, name, folded_name, level)
SELECT b, 'Орган ' || b, 'орган ' || b, CASE WHEN b <= 80 THEN 'federal' WHEN b <= 1000 THEN 'regional' ELSE 'municipal' END
FROM generate_series(1, 20000) b;
-- Creation order is id order; a case's times follow from a hash of its id, so reruns give the same data.
INSERT INTO cases (id, topic, region, city, body_id, status, created_at, updated_at, first_reply_at, answered_at, closed_at,
  first_reply_due, answer_due, first_message_id, first_author_id, reopened_count, reassigned_count)
SELECT i, 't' || ((g.body * 7 + i % 6) % 120), 'Регион ' || (g.body % 85), 'Город ' || (g.body % 3000), g.body,
  CASE WHEN g.h % 100 < 70 THEN 'closed' WHEN g.h % 100 < 80 THEN 'answered' WHEN g.h % 100 < 90 THEN 'in_progress'
       WHEN g.h % 100 < 97 THEN 'assigned' ELSE 'new' END,
  g.created, g.created + interval '1 hour' * (g.h % 900),
  CASE WHEN g.h % 100 < 90 THEN g.created + interval '1 minute' * (g.h % 7000) END,
  CASE WHEN g.h % 100 < 80 THEN g.created + interval '1 minute' * (g.h % 40000) END,
  CASE WHEN g.h % 100 < 70 THEN g.created + interval '1 minute' * (g.h % 50000) END,
  g.created + interval '1 day', g.created + interval '30 days',
  i, 'a' || ((hashint8(i * 17) & 2147483647) % 5000000),
  CASE WHEN hashint8(i * 13) % 25 = 0 AND i % 2 = 1 THEN 1 ELSE 0 END,
  CASE WHEN hashint8(i * 13) % 25 = 0 AND i % 2 = 0 THEN 1 ELSE 0 END
FROM generate_series(1, :cases) i,
  LATERAL (SELECT 1 + (hashint8(i) & 2147483647) % 20000 AS body,
                  (hashint8(i * 31) & 2147483647) AS h,
                  timestamptz '2021-01-01 00:00:00+00' + interval '1 second' * ((i - 1) * (7776000.0 / :cases)) AS created) g;
INSERT INTO messages (id, channel, external_id, author_id, text, received_at, case_id)
SELECT i, 'bench', i::text, 'a' || ((hashint8(i * 17) & 2147483647) % 5000000), '', timestamptz '2021-01-01 00:00:00+00', i
FROM generate_series(1, :cases) i;
INSERT INTO case_events (case_id, at, actor, kind)
SELECT i, timestamptz '2021-01-02 00:00:00+00', 'bench', CASE WHEN i % 2 = 0 THEN 'reassigned' ELSE 'reopened' END
FROM generate_series(1, :cases) i WHERE hashint8(i * 13) % 25 = 0;
SELECT setval(pg_get_serial_sequence('cases', 'id'), :cases), setval(pg_get_serial_sequence('messages', 'id'), :cases);
SET session_replication_role = origin;
CREATE INDEX cases_created ON cases (created_at);
VACUUM ANALYZE cases;
VACUUM ANALYZE messages;
VACUUM ANALYZE case_events;
