-- 1,000,000 cases with one message each, 75 bodies, 161 topics, all statuses; times over a year, 30 s apart.
-- A steady state: the SLA monitor has already reminded and escalated the old overdue cases (sla_flags = 7).
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 75)
INSERT INTO bodies (id, name, folded_name, level, region_code, parent_id)
SELECT i, 'Орган ' || i, 'орган ' || i, 'municipal', '46', CASE WHEN i > 5 THEN 1 + (i % 5) END FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000),
t(i, at) AS (SELECT i, strftime('%Y-%m-%dT%H:%M:%S', '2025-01-01', '+' || (i * 30) || ' seconds') FROM n)
INSERT INTO cases (id, topic_group, topic, region_code, region, city, body_id, status, first_reply_due, answer_due, created_at,
  updated_at, label_source, confidence, message_count, first_reply_at, sla_flags)
SELECT i, '' || (i % 17), 'Тема ' || (i % 161), '46', 'Курская область', CASE i % 3 WHEN 0 THEN 'Курск' WHEN 1 THEN 'Льгов' ELSE 'Курчатов' END,
  1 + (i % 75),
  CASE i % 7 WHEN 0 THEN 'new' WHEN 1 THEN 'assigned' WHEN 2 THEN 'in_progress' WHEN 3 THEN 'answered' WHEN 4 THEN 'closed' WHEN 5 THEN 'rejected' ELSE 'reopened' END,
  strftime('%Y-%m-%dT%H:%M:%S', at, '+1 day') || '.000000Z', strftime('%Y-%m-%dT%H:%M:%S', at, '+8 days') || '.000000Z',
  at || '.000000Z', at || '.000000Z', 'bench', 1.0, 1, CASE WHEN i % 2 = 0 THEN at || '.000000Z' END, 7
FROM t;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO messages (id, channel, external_id, text, received_at, author_id, case_id)
SELECT i, 'bench', 'b' || i,
  CASE i % 5 WHEN 0 THEN 'Не горят фонари на улице' WHEN 1 THEN 'Яма на дороге у дома' WHEN 2 THEN 'Не вывозят мусор во дворе'
    WHEN 3 THEN 'Протекает крыша в подъезде' ELSE 'Сломан лифт, жильцы ходят пешком' END || ' номер ' || (i % 997),
  c.created_at, 'a_bench' || (i % 50000), i
FROM n JOIN cases c ON c.id = n.i;
COMMIT;
ANALYZE;
