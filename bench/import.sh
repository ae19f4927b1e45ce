#!/usr/bin/env bash
# Import benchmark: Otklik's import vs the raw loaders on the same rows, in the same run.
#   bench/import.sh [COUNT]     (default 1,000,000 messages; output and databases under bench/out/, git-ignored)
# Generates COUNT messages (demo texts, distinct ids) as JSON Lines and CSV, then times:
#   SQLite:     otklik import (JSONL, and CSV with --map)  vs  sqlite3 .import of the CSV into a bare table
#   PostgreSQL: otklik import (JSONL, and CSV with --map)  vs  COPY FROM of the CSV into a bare table (psql \copy)
# PostgreSQL is a throwaway cluster started here (default settings) and removed at the end.
# BENCH_ONLY=sqlite or BENCH_ONLY=postgres runs one half; BENCH_RUNS picks Otklik's runs (default "jsonl csv rerun").
# BENCH_RUNS with "rawsearch" adds a second raw baseline: the raw loader, then the unique (channel, external id) key and
# the same full-text index as Otklik's schema (SQLite: FTS5 with the options read from Otklik's database; PostgreSQL:
# GIN over to_tsvector('russian', text)), i.e. the storage work any loader that deduplicates and searches must do.
# BULK=auto|on|off is passed as `otklik import --bulk` (default auto: a 1M import into a new store is a bulk load).
# A bulk load reports done only once indexes and the search index are complete; its JSON summary splits the time
# into loading the rows and finishing (indexes, derived columns, search), printed below the table as "bulk:" lines,
# and says when the rows were queryable (everything but search done and committed): both are put against the raw loader.
# Reports messages/second, the ratio of Otklik's time to the raw loader's, and peak memory (max RSS, /usr/bin/time).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-1000000}"
out="${OUT:-$root/bench/out}"   # OUT=dir keeps another data size apart
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building (Release)..."
dotnet build "$root/src/Otklik.Cli/Otklik.Cli.csproj" -c Release -v q --nologo >/dev/null
dotnet build "$root/bench/Otklik.Bench/Otklik.Bench.csproj" -c Release -v q --nologo >/dev/null
otklik=(dotnet "$root/src/Otklik.Cli/bin/Release/net10.0/Otklik.Cli.dll")
bulk="${BULK:-auto}"
runs=" ${BENCH_RUNS:-jsonl csv rerun} "
want() { [[ "$runs" == *" $1 "* ]]; }
csvmap="channel=1,external_id=2,text=3,author=4,received_at=5,topic=6,topic_group=7,executor=8"
columns="channel text, external_id text, text text, author text, received_at text, topic text, topic_group text, executor text"

if [ ! -f "$out/messages.jsonl" ] || [ "$(wc -l <"$out/messages.jsonl")" -ne "$count" ]; then
  dotnet "$root/bench/Otklik.Bench/bin/Release/net10.0/Otklik.Bench.dll" generate "$count" "$out"
fi
echo "data: $(du -h "$out/messages.jsonl" | cut -f1) JSONL, $(du -h "$out/messages.csv" | cut -f1) CSV, $count rows"

# PostgreSQL: a throwaway cluster as the postgres user (it refuses root).
# The bench reads its files as postgres too.
[ "$(id -u)" -eq 0 ] && chmod o+rx "$out"
source "$root/bench/throwaway-pg.sh"
pg_start bench
psql_() { psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
pgdb() { psql_ -d postgres -c "CREATE DATABASE $1"; echo "Host=127.0.0.1;Port=$port;Database=$1;Username=postgres"; }

: >"$out/results.txt"
# measure NAME pg|- COMMAND...: wall seconds, CPU seconds (the command's, plus the server's for pg) and max RSS
measure() {
  local name="$1" server="$2"; shift 2
  local before=0 after=0
  [ "$server" = pg ] && before="$(pg_cpu)"
  /usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" "$@" >"$out/$name.out" 2>"$out/$name.err" || { echo "$name failed:"; cat "$out/$name.err"; exit 1; }
  # A backend's CPU reaches the postmaster's children's time only once it has exited and been reaped.
  [ "$server" = pg ] && { sleep 2; after="$(pg_cpu)"; }
  read -r secs user sys kb <"$out/time.txt"
  local cpu; cpu="$(echo "$user + $sys + $after - $before" | bc -l)"
  echo "$name $secs $cpu $kb" >>"$out/results.txt"
  printf '%-24s %7.1f s wall %9.0f msg/s %7.1f s CPU %6.0f MB max RSS\n' "$name" "$secs" "$(echo "$count / $secs" | bc -l)" "$cpu" "$(echo "$kb / 1024" | bc -l)"
}

only="${BENCH_ONLY:-all}"   # all, sqlite or postgres
if [ "$only" != postgres ]; then
rm -f "$out"/raw.db*
want jsonl && rm -f "$out"/otklik-jsonl.db*
want csv && rm -f "$out"/otklik-csv.db*
measure sqlite3-import - sqlite3 "$out/raw.db" "CREATE TABLE raw_messages ($columns);" ".mode csv" ".import $out/messages.csv raw_messages"
want jsonl && measure otklik-sqlite-jsonl - "${otklik[@]}" import "$out/messages.jsonl" --db "$out/otklik-jsonl.db" --json --bulk "$bulk"
want csv && measure otklik-sqlite-csv - "${otklik[@]}" import "$out/messages.csv" --map "$csvmap" --db "$out/otklik-csv.db" --json --bulk "$bulk"
want rerun && measure otklik-sqlite-rerun - "${otklik[@]}" import "$out/messages.jsonl" --db "$out/otklik-jsonl.db" --json --bulk "$bulk"
if want rawsearch; then
  # The raw loader doing the storage work a store that deduplicates and searches cannot skip: the same rows, then the
  # unique (channel, external id) key and an FTS5 index with Otklik's own options, read from its catalog when there.
  fts_options="$(python3 "$root/bench/fts_options.py" "$out/otklik-jsonl.db")"
  rm -f "$out"/raw-search.db*
  # With the journal and cache settings Otklik's bulk connection uses (WAL, synchronous NORMAL, 32 MB cache).
  measure sqlite3-import+search - sqlite3 "$out/raw-search.db" "PRAGMA journal_mode = WAL;" "PRAGMA synchronous = NORMAL;" "PRAGMA cache_size = -32768;" "CREATE TABLE raw_messages ($columns);" ".mode csv" ".import $out/messages.csv raw_messages" \
    "CREATE UNIQUE INDEX raw_key ON raw_messages (channel, external_id);" \
    "CREATE VIRTUAL TABLE raw_fts USING fts5 (text, content='raw_messages', content_rowid='rowid', $fts_options);" \
    "INSERT INTO raw_fts (raw_fts, rank) VALUES ('hashsize', $(python3 "$root/bench/fts_options.py" --hashsize "$out/otklik-jsonl.db"));" \
    "INSERT INTO raw_fts (raw_fts) VALUES ('rebuild');"
fi

fi
if [ "$only" != sqlite ]; then
psql_ -d postgres -c "CREATE DATABASE raw"
psql_ -d raw -c "CREATE TABLE raw_messages ($columns)"
measure postgres-copy pg psql -h 127.0.0.1 -p "$port" -U postgres -d raw -v ON_ERROR_STOP=1 -c "\\copy raw_messages FROM '$out/messages.csv' (FORMAT csv)"
want jsonl && measure otklik-postgres-jsonl pg "${otklik[@]}" import "$out/messages.jsonl" --db "$(pgdb otklik_jsonl)" --json --bulk "$bulk"
want csv && measure otklik-postgres-csv pg "${otklik[@]}" import "$out/messages.csv" --map "$csvmap" --db "$(pgdb otklik_csv)" --json --bulk "$bulk"
if want rawsearch; then
  # As for SQLite: COPY, then the key and the search index Otklik's schema has (GIN over to_tsvector('russian', text)),
  # with the maintenance_work_mem Otklik's bulk close sets.
  psql_ -d postgres -c "CREATE DATABASE raw_search"
  psql_ -d raw_search -c "CREATE TABLE raw_messages ($columns)"
  measure postgres-copy+search pg psql -h 127.0.0.1 -p "$port" -U postgres -d raw_search -v ON_ERROR_STOP=1 \
    -c "\\copy raw_messages FROM '$out/messages.csv' (FORMAT csv)" \
    -c "SET maintenance_work_mem = '256MB'" \
    -c "CREATE UNIQUE INDEX raw_key ON raw_messages (channel, external_id)" \
    -c "CREATE INDEX raw_search ON raw_messages USING gin (to_tsvector('russian', text))"
fi
want rerun && measure otklik-postgres-rerun pg "${otklik[@]}" import "$out/messages.jsonl" --db "Host=127.0.0.1;Port=$port;Database=otklik_jsonl;Username=postgres" --json --bulk "$bulk"
fi

echo
echo "bulk loads (seconds: rows in, then indexes + derived columns + search index; the run's wall time includes both):"
for name in $(awk '/^otklik-/ {print $1}' "$out/results.txt"); do
  grep -o '"bulk":{[^}]*}' "$out/$name.out" | sed "s|^|  $name: |" || echo "  $name: no bulk load"
done
echo
echo "checks (rows stored):"
[ "$only" != postgres ] && echo "  sqlite3 raw:      $(sqlite3 "$out/raw.db" 'SELECT count(*) FROM raw_messages')"
[ "$only" != postgres ] && want jsonl && echo "  otklik sqlite:    $(sqlite3 "$out/otklik-jsonl.db" 'SELECT count(*) FROM messages') messages, $(sqlite3 "$out/otklik-jsonl.db" 'SELECT count(*) FROM cases') cases, $(sqlite3 "$out/otklik-jsonl.db" 'SELECT count(*) FROM case_events') events"
[ "$only" != sqlite ] && echo "  postgres raw:     $(psql_ -d raw -tAc 'SELECT count(*) FROM raw_messages')"
[ "$only" != sqlite ] && want jsonl && echo "  otklik postgres:  $(psql_ -d otklik_jsonl -tAc 'SELECT count(*) FROM messages') messages, $(psql_ -d otklik_jsonl -tAc 'SELECT count(*) FROM cases') cases"
echo "  reruns imported:  $(cat "$out"/otklik-*-rerun.out 2>/dev/null | grep -o '"imported":[0-9]*' | tr '\n' ' ')"
echo
echo "ratios, Otklik / raw loader on the same rows (goal: <= 2x); wall time, and CPU time (client + server):"
awk '{wall[$1]=$2; cpu[$1]=$3}
  function r(a, b) { if (!(a in wall) || !(b in wall)) return; printf "  %-22s / %-21s %5.2fx wall %5.2fx CPU\n", a, b, wall[a]/wall[b], cpu[a]/cpu[b] }
  END { r("otklik-sqlite-jsonl", "sqlite3-import"); r("otklik-sqlite-csv", "sqlite3-import");
        r("otklik-postgres-jsonl", "postgres-copy"); r("otklik-postgres-csv", "postgres-copy")
        r("otklik-sqlite-jsonl", "sqlite3-import+search"); r("otklik-postgres-jsonl", "postgres-copy+search") }' "$out/results.txt"
echo
echo "bulk loads, rows queryable (indexes, foreign keys, derived state done) vs search complete, each / raw loader wall:"
for name in $(awk '/^otklik-(sqlite|postgres)-(jsonl|csv)/ {print $1}' "$out/results.txt"); do
  q="$(grep -o '"queryable_seconds":[0-9.]*' "$out/$name.out" | cut -d: -f2)"
  [ -n "$q" ] || continue
  raw="$(awk -v n="$name" '$1 == (n ~ /sqlite/ ? "sqlite3-import" : "postgres-copy") {print $2}' "$out/results.txt")"
  wall="$(awk -v n="$name" '$1 == n {print $2}' "$out/results.txt")"
  printf '  %-22s rows queryable %7.1f s (%5.2fx)   search complete %7.1f s (%5.2fx)\n' "$name" "$q" "$(echo "$q / $raw" | bc -l)" "$wall" "$(echo "$wall / $raw" | bc -l)"
done
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
