#!/usr/bin/env bash
# The index phase of a bulk import, one index at a time: what each secondary index of cases, messages and case_events
# costs to rebuild at the size of a finished import, under given SQLite settings (bench/README.md, "Import: the index audit").
#   bench/import-indexes.sh DB [PRAGMAS] [LABEL]
#     DB       a COPY of a finished SQLite import (e.g. bench/out/otklik-jsonl.db after bench/import.sh); its
#              secondary indexes are dropped, rebuilt one by one, and left dropped (the copy is for this only)
#     PRAGMAS  settings run before each CREATE INDEX; default the bulk window's: "PRAGMA cache_size=-32768; PRAGMA temp_store=FILE;"
#              e.g. "... PRAGMA threads=2;" (multi-threaded sorter) or "PRAGMA cache_size=-131072; ..." (bigger sort memory)
# Each CREATE INDEX runs in its own process (bench/Otklik.Bench sql, the e_sqlite3 library Otklik uses, not the sqlite3
# CLI); wall, CPU (user+sys, /usr/bin/time, including ~0.25 s of .NET start-up) and max RSS per index, then totals.
# Run under the CPU lock: flock -o /work/cpu.lock bench/import-indexes.sh bench/out/idx.db
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
db=$1
pragmas=${2:-"PRAGMA cache_size=-32768; PRAGMA temp_store=FILE;"}
label=${3:-run}
dotnet build "$root/bench/Otklik.Bench/Otklik.Bench.csproj" -c Release -v q --nologo >/dev/null
sql=(dotnet "$root/bench/Otklik.Bench/bin/Release/net10.0/Otklik.Bench.dll" sql "$db")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# The window's own choice (SqliteStore.Bulk.cs): non-unique indexes of the loaded tables, read from the catalog.
python3 - "$db" "$dir" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("""SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'index' AND m.sql IS NOT NULL
  AND m.tbl_name IN ('messages', 'cases', 'case_events')
  AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.tbl_name) l WHERE l.name = m.name AND l."unique" = 1)""").fetchall()
for name, sql in rows:
    open(f"{sys.argv[2]}/{name}.sql", "w").write(sql)
    c.execute(f'DROP INDEX "{name}"')
c.commit()
PY
tw=0; tc=0
for f in "$dir"/*.sql; do
  name=$(basename "$f" .sql)
  /usr/bin/time -f '%e %U %S %M' -o "$dir/time" "${sql[@]}" "$pragmas $(cat "$f")" >/dev/null
  read -r w u s kb <"$dir/time"
  c=$(echo "$u + $s" | bc -l)
  printf '%s %-24s %6.2f s wall %6.2f s CPU %5d MB max RSS\n' "$label" "$name" "$w" "$c" $((kb / 1024))
  tw=$(echo "$tw + $w" | bc -l); tc=$(echo "$tc + $c" | bc -l)
  "${sql[@]}" "DROP INDEX \"$name\"" >/dev/null
done
printf '%s %-24s %6.2f s wall %6.2f s CPU; load average %s\n' "$label" TOTAL "$tw" "$tc" "$(cut -d' ' -f1-3 /proc/loadavg)"
