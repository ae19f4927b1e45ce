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

pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pgdir="$(mktemp -d /tmp/otklik-predictions-pg.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pgdir"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null
cleanup() { "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$pgdir" "$out"; }
trap cleanup EXIT
psql -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE otklik" >/dev/null

# CPU seconds the PostgreSQL server spent so far: the postmaster, its exited children (backends) and the living ones.
pg_cpu() {
  local pm tck
  pm="$(head -1 "$pgdir/data/postmaster.pid")"; tck="$(getconf CLK_TCK)"
  { awk '{print $14+$15+$16+$17}' "/proc/$pm/stat"
    for f in /proc/[0-9]*/stat; do awk -v pm="$pm" '$4==pm {print $14+$15}' "$f" 2>/dev/null; done
  } | awk -v t="$tck" '{s+=$1} END {printf "%.2f", s/t}'
}

"$bench" predictions import "$out/otklik.db" "$count"
printf 'sqlite:     '; "$bench" predictions pass "$out/otklik.db"
pg="Host=127.0.0.1;Port=$port;Database=otklik;Username=postgres"
"$bench" predictions import "$pg" "$count"
before="$(pg_cpu)"
printf 'postgresql: '; "$bench" predictions pass "$pg"
# A backend's CPU reaches the postmaster's children's time only once it has exited and been reaped.
sleep 2
echo "postgresql server CPU during the pass: $(echo "$(pg_cpu) - $before" | bc -l) s"
