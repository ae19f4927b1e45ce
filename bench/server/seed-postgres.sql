-- The same 1,000,000 cases as seed-sqlite.sql, for PostgreSQL.
SET synchronous_commit = off;
INSERT INTO bodies (id, name, folded_name, level, region_code, parent_id)
SELECT i, 'Орган ' || i, 'орган ' || i, 'municipal', '46', CASE WHEN i > 5 THEN 1 + (i % 5) END FROM generate_series(1, 75) i;
INSERT INTO cases (id, topic_group, topic, region_code, region, city, body_id, status, first_reply_due, answer_due, created_at,
  updated_at, label_source, confidence, message_count, first_reply_at, sla_flags)
SELECT i, '' || (i % 17), 'Тема ' || (i % 161), '46', 'Курская область', CASE i % 3 WHEN 0 THEN 'Курск' WHEN 1 THEN 'Льгов' ELSE 'Курчатов' END,
  1 + (i % 75),
  CASE i % 7 WHEN 0 THEN 'new' WHEN 1 THEN 'assigned' WHEN 2 THEN 'in_progress' WHEN 3 THEN 'answered' WHEN 4 THEN 'closed' WHEN 5 THEN 'rejected' ELSE 'reopened' END,
  at + interval '1 day', at + interval '8 days', at, at, 'bench', 1.0, 1, CASE WHEN i % 2 = 0 THEN at END, 7
FROM (SELECT i, timestamptz '2025-01-01 00:00:00+00' + i * interval '30 seconds' AS at FROM generate_series(1, 1000000) i) t;
INSERT INTO messages (id, channel, external_id, text, received_at, author_id, case_id)
SELECT c.id, 'bench', 'b' || c.id,
  CASE c.id % 5 WHEN 0 THEN 'Не горят фонари на улице' WHEN 1 THEN 'Яма на дороге у дома' WHEN 2 THEN 'Не вывозят мусор во дворе'
    WHEN 3 THEN 'Протекает крыша в подъезде' ELSE 'Сломан лифт, жильцы ходят пешком' END || ' номер ' || (c.id % 997),
  c.created_at, 'a_bench' || (c.id % 50000), c.id
FROM cases c;
SELECT setval(pg_get_serial_sequence('bodies', 'id'), 1000);
SELECT setval(pg_get_serial_sequence('cases', 'id'), 2000000);
SELECT setval(pg_get_serial_sequence('messages', 'id'), 2000000);
ANALYZE;
