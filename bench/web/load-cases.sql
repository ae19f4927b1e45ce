-- Loads :n synthetic cases (one message each) into an Otklik SQLite database that `otklik` has already migrated.
-- Shapes follow the Kursk demo: 17 topic groups, ~60 topics, 75 bodies, 10 cities, a year of creation times,
-- 85% closed over the year, 5% answered and 10% open within the last 30 days (many of those past their deadline). Used by bench/web/run.sh.
-- random() is drawn once per row: the CTEs are MATERIALIZED (otherwise SQLite may evaluate them once per use).
-- Run: sed "s/:n\b/1000000/g" load-cases.sql | sqlite3 bench.db   (a .parameter would not survive the PRAGMAs)
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
PRAGMA temp_store = MEMORY;
BEGIN;
CREATE TEMP TABLE t_groups (i INTEGER PRIMARY KEY, name TEXT);
INSERT INTO t_groups (i, name) VALUES (0,'Дороги'),(1,'Животные'),(2,'Госуслуги'),(3,'ЖКХ и благоустройство'),(4,'Здравоохранение'),
 (5,'Культура'),(6,'Социальная поддержка'),(7,'Образование'),(8,'Общественный транспорт'),(9,'Связь'),(10,'Социальные выплаты'),
 (11,'Строительство'),(12,'Прочее'),(13,'Торговля'),(14,'Труд и занятость'),(15,'Спорт'),(16,'Экология и отходы');
CREATE TEMP TABLE t_cities (i INTEGER PRIMARY KEY, name TEXT);
INSERT INTO t_cities (i, name) VALUES (0,'Курск'),(1,'Курск'),(2,'Курск'),(3,'Курск'),(4,'Железногорск'),(5,'Курчатов'),(6,'Льгов'),
 (7,'Щигры'),(8,'Рыльск'),(9,'Обоянь'),(10,'Суджа'),(11,'Фатеж');
CREATE TEMP TABLE t_words (i INTEGER PRIMARY KEY, w TEXT);
INSERT INTO t_words (i, w) VALUES (0,'яма'),(1,'фонарь'),(2,'мусор'),(3,'подъезд'),(4,'отопление'),(5,'автобус'),(6,'снег'),
 (7,'тротуар'),(8,'двор'),(9,'вода'),(10,'поликлиника'),(11,'школа'),(12,'свалка'),(13,'дерево'),(14,'крыша'),(15,'лифт');
-- 75 bodies, as many as the demo.
WITH RECURSIVE b(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM b WHERE i < 75)
INSERT OR IGNORE INTO bodies (name, folded_name, level, region_code, region, city)
SELECT 'Бенч-орган ' || i, 'бенч-орган ' || i, CASE WHEN i <= 20 THEN 'regional' ELSE 'municipal' END, '46', 'Курская область',
       (SELECT name FROM t_cities WHERE t_cities.i = b.i % 12) FROM b;
CREATE TEMP TABLE t_bodies AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM bodies;
-- Cases: r1..r4 are independent random draws per row.
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < :n),
r AS MATERIALIZED (SELECT i, abs(random()) % 1000000 AS r1, abs(random()) % 1000000 AS r2, abs(random()) % 1000000 AS r3, abs(random()) % 1000000 AS r4 FROM s),
c AS MATERIALIZED (
  SELECT i, r1, r2, r3, r4,
    -- created: closed cases over the year before 2026-11-29; answered and open ones within its last 30 days
    julianday('2026-11-29') - CASE WHEN r4 % 100 < 85 THEN (r1 % 365000) / 1000.0 ELSE (r1 % 30000) / 1000.0 END AS jc
  FROM r)
INSERT INTO cases (topic_group, topic, region_code, region, district, city, body_id, status, first_reply_due, answer_due,
  created_at, updated_at, closed_at, label_source, confidence, first_reply_at, answered_at, message_count, reasons, simulated)
SELECT g.name, g.name || ': тема ' || (r3 % 4), '46', 'Курская область', NULL, ci.name, bo.id,
  CASE WHEN r4 % 100 < 85 THEN 'closed' WHEN r4 % 100 < 90 THEN 'answered' WHEN r4 % 100 < 94 THEN 'assigned'
       WHEN r4 % 100 < 97 THEN 'in_progress' ELSE 'new' END,
  (strftime('%Y-%m-%dT%H:%M:%S', jc + 1) || '.000000Z'),
  (strftime('%Y-%m-%dT%H:%M:%S', jc + 8) || '.000000Z'),
  (strftime('%Y-%m-%dT%H:%M:%S', jc) || '.000000Z'),
  (strftime('%Y-%m-%dT%H:%M:%S', jc + (r2 % 240) / 24.0) || '.000000Z'),
  CASE WHEN r4 % 100 < 85 THEN (strftime('%Y-%m-%dT%H:%M:%S', jc + (r2 % 240) / 24.0 + 1) || '.000000Z') END,
  'bench', 0.5 + (r3 % 500) / 1000.0,
  CASE WHEN r4 % 100 < 90 THEN (strftime('%Y-%m-%dT%H:%M:%S', jc + (r2 % 30) / 24.0) || '.000000Z') END,
  CASE WHEN r4 % 100 < 90 THEN (strftime('%Y-%m-%dT%H:%M:%S', jc + (r2 % 240) / 24.0) || '.000000Z') END,
  1, 'bench: synthetic', 1
FROM c
JOIN t_groups g ON g.i = (r1 / 7) % 17
JOIN t_cities ci ON ci.i = (r2 / 11) % 12
-- The body follows from the topic group and the city, as routing makes it (5% go elsewhere: reassignments, mistakes).
JOIN t_bodies bo ON bo.i = CASE WHEN r3 % 100 < 95 THEN (((r1 / 7) % 17) * 7 + (r2 / 11) % 12) % 75 ELSE (r3 / 13) % 75 END;
-- One message per case; the FTS5 triggers index each text.
INSERT INTO messages (channel, external_id, text, received_at, case_id, author_id, simulated)
SELECT 'bench', 'bench-' || c.id,
  'Обращение ' || c.id || ': ' || (SELECT w FROM t_words WHERE t_words.i = c.id % 16) || ' и ' ||
  (SELECT w FROM t_words WHERE t_words.i = (c.id / 16) % 16) || ' в городе ' || c.city || ', просим принять меры.',
  c.created_at, c.id, 'a' || (c.id % 50000), 1
FROM cases c WHERE c.label_source = 'bench';
COMMIT;
ANALYZE;
