#!/usr/bin/env bash
# The search-vector trigger's cost per inserted row, without the rest of an import: 100,000 rows INSERTed into a bare
# table whose BEFORE INSERT trigger is one of three variants, measured as the backend's CPU (user + sys, read from the
# postmaster's reaped children after each psql session ends):
#   text      to_tsvector of the text only (the trigger before migration 18)
#   lookup    migration 18's trigger: the row's case looked up by a query per row, then text || scope
#   given     migration 20's path: the insert gives the scope lexemes, the trigger adds the text's vector in front
# Each on one-word texts ('дом', so the per-row overhead shows) and on the demo texts (to_tsvector dominates).
#   flock -o /work/cpu.lock bench/import-trigger.sh [ROWS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-100000}"
source "$root/bench/throwaway-pg.sh"
pg_start trigger
P=(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q)
# Demo texts, one per line (the CSV's second column), cycled over the rows.
python3 -c "
import csv, sys
w = csv.writer(sys.stdout)
for r in csv.reader(open('$root/data/demo/kursk-appeals.csv', encoding='utf-8')): w.writerow([r[1]])" >"$pgdir/texts.csv"
"${P[@]}" <<SQL
CREATE TABLE texts (text text); \copy texts FROM '$pgdir/texts.csv' (FORMAT csv)
CREATE TABLE demo AS SELECT row_number() OVER () AS n, text FROM texts;
CREATE FUNCTION message_scope_vector(body bigint, escalated bigint) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS \$f\$ SELECT array_to_tsvector(array_remove(ARRAY['#b' || body::text, '#e' || escalated::text], NULL)) \$f\$;
CREATE TABLE cases (id bigint PRIMARY KEY, body_id bigint, escalated_to_body_id bigint);
INSERT INTO cases SELECT g, 1 + g % 68, NULL FROM generate_series(1, $rows) g;
CREATE TABLE src_demo AS SELECT g AS id, d.text, g AS case_id, message_scope_vector(1 + g % 68, NULL) AS scope
  FROM generate_series(1, $rows) g JOIN demo d ON d.n = 1 + g % (SELECT count(*) FROM demo);
CREATE TABLE src_word AS SELECT id, 'дом'::text AS text, case_id, scope FROM src_demo;
CREATE TABLE messages (id bigint PRIMARY KEY, text text, case_id bigint, tsv tsvector);
CREATE FUNCTION v_text() RETURNS trigger LANGUAGE plpgsql AS \$f\$ BEGIN NEW.tsv := to_tsvector('russian', NEW.text); RETURN NEW; END \$f\$;
CREATE FUNCTION v_lookup() RETURNS trigger LANGUAGE plpgsql AS \$f\$ DECLARE b bigint; e bigint; BEGIN
  IF TG_OP = 'INSERT' AND NEW.tsv IS NOT NULL THEN RETURN NEW; END IF;
  SELECT body_id, escalated_to_body_id INTO b, e FROM cases WHERE id = NEW.case_id;
  NEW.tsv := to_tsvector('russian', NEW.text) || message_scope_vector(b, e); RETURN NEW; END \$f\$;
CREATE FUNCTION v_given() RETURNS trigger LANGUAGE plpgsql AS \$f\$ BEGIN
  IF TG_OP = 'INSERT' AND NEW.tsv IS NOT NULL THEN
    IF current_setting('otklik.search_scope_given', true) = 'on' THEN NEW.tsv := to_tsvector('russian', NEW.text) || NEW.tsv; END IF;
    RETURN NEW; END IF;
  RETURN NEW; END \$f\$;
SQL
pm="$(head -1 "$pgdir/data/postmaster.pid")"; tck="$(getconf CLK_TCK)"
reaped() { awk -v t="$tck" '{printf "%.2f", ($16+$17)/t}' "/proc/$pm/stat"; }
for rep in 1 2; do
  for src in src_word src_demo; do
    for v in text lookup given; do
      col=NULL; [ "$v" = given ] && col=scope
      "${P[@]}" -c "TRUNCATE messages" -c "DROP TRIGGER IF EXISTS t ON messages" \
        -c "CREATE TRIGGER t BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION v_$v()" -c "CHECKPOINT" 2>/dev/null
      sleep 0.5; before="$(reaped)"
      "${P[@]}" -c "SET otklik.search_scope_given = 'on'" -c "INSERT INTO messages SELECT id, text, case_id, $col FROM $src"
      sleep 0.5; after="$(reaped)"
      printf 'run %s  %-8s %-7s %6.2f s CPU for %s rows\n' "$rep" "${src#src_}" "$v" "$(echo "$after - $before" | bc)" "$rows"
    done
  done
done
"${P[@]}" -c "SELECT count(*) AS rows_differing FROM (SELECT m.tsv, to_tsvector('russian', s.text) || message_scope_vector(c.body_id, NULL) AS expected
  FROM messages m JOIN src_demo s ON s.id = m.id JOIN cases c ON c.id = m.case_id) x WHERE tsv IS DISTINCT FROM expected"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
