#!/usr/bin/env bash
# The read of `otklik train --from-db` (CaseSession.LabeledCasesAsync, bench/Otklik.Bench/Labeled.cs) on SQLite and on a
# throwaway PostgreSQL cluster: COUNT labeled cases (default 20,000) imported into fresh databases, read once right
# after the import, before any ANALYZE (autovacuum off, so PostgreSQL has no statistics, as after a plain import).
#   bench/labeled.sh [COUNT]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-20000}"
out="$(mktemp -d /tmp/otklik-labeled.XXXXXX)"
dotnet build "$root/bench/Otklik.Bench" -c Release >"$out/build.log" || { cat "$out/build.log"; exit 1; }
bench="$root/bench/Otklik.Bench/bin/Release/net10.0/Otklik.Bench"  # beside the repo: it reads data/demo

source "$root/bench/throwaway-pg.sh"
pg_cleanup_extra=("$out")
pg_start labeled -c autovacuum=off
psql -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE otklik" >/dev/null

"$bench" labeled import "$out/otklik.db" "$count"
printf 'sqlite:     '; "$bench" labeled read "$out/otklik.db" || true
pg="Host=127.0.0.1;Port=$port;Database=otklik;Username=postgres"
"$bench" labeled import "$pg" "$count"
printf 'postgresql: '; "$bench" labeled read "$pg" || true
# What the planner believed: the rows of the last ANALYZE (-1: never; cases was analyzed empty by the migrations).
psql -h 127.0.0.1 -p "$port" -U postgres -d otklik -Atq -c \
  "SELECT 'postgresql planner rows: ' || string_agg(relname || ' ' || reltuples, ', ' ORDER BY relname) FROM pg_class WHERE relname IN ('cases', 'messages')"
