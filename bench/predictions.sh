#!/usr/bin/env bash
# The classifier's writes of predictions (bench/Otklik.Bench/Predictions.cs) on SQLite and on a throwaway PostgreSQL
# cluster: COUNT unlabeled cases (default 20,000), fresh databases each run.
#   bench/predictions.sh [COUNT]
# PER_ROW=1 builds the one-UPDATE-per-case version, for a tree from before session 18 (bench/README.md, "Classifier:
# predictions set-based", says how to lay one out).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-20000}"
out="$(mktemp -d /tmp/otklik-predictions.XXXXXX)"
dotnet build "$root/bench/Otklik.Bench" -c Release -p:PerRowPredictions="$([ "${PER_ROW:-0}" = 1 ] && echo true || echo false)" >"$out/build.log" \
  || { cat "$out/build.log"; exit 1; }
bench="$root/bench/Otklik.Bench/bin/Release/net10.0/Otklik.Bench"  # beside the repo: it reads data/demo

source "$root/bench/throwaway-pg.sh"
pg_cleanup_extra=("$out")
pg_start predictions
psql -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE otklik" >/dev/null

"$bench" predictions import "$out/otklik.db" "$count"
printf 'sqlite:     '; "$bench" predictions pass "$out/otklik.db"
pg="Host=127.0.0.1;Port=$port;Database=otklik;Username=postgres"
"$bench" predictions import "$pg" "$count"
before="$(pg_cpu)"
printf 'postgresql: '; "$bench" predictions pass "$pg"
# A backend's CPU reaches the postmaster's children's time only once it has exited and been reaped.
sleep 2
echo "postgresql server CPU during the pass: $(echo "$(pg_cpu) - $before" | bc -l) s"
