#!/usr/bin/env bash
# Server time of the web workspace's two heavy calls with N cases (default 1,000,000) in SQLite:
# the inbox's first page (GET /api/cases, newest first and with typical filters) and the dashboard
# (GET /api/analytics/dashboard, default 12 weeks and a filtered year). Loads synthetic cases with load-cases.sql,
# starts `otklik serve` on 127.0.0.1, signs in and times each call R times with curl on loopback (time_total; the
# loopback and curl overhead is well under a millisecond). Also times the first dashboard call (it builds the rollups)
# and reads the server's peak memory (VmHWM). Usage: bench/web/run.sh [N] [R]   Keeps the database in $BENCH_DIR.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-1000000}"
reps="${2:-30}"
dir="${BENCH_DIR:-/tmp/otklik-bench-web}"
port="${BENCH_PORT:-5097}"
db="$dir/bench-$n.db"
base="http://127.0.0.1:$port"
export OTKLIK_DATA_DIR="$dir" OTKLIK_PASSWORD="bench-password-1"
mkdir -p "$dir"
cd "$root"

if [ ! -f "$db" ]; then
  echo "== loading $n cases into $db"
  ./otklik users add --db "$db" --name bench --role operator >/dev/null
  start=$(date +%s.%N)
  sed "s/:n\b/$n/g" bench/web/load-cases.sql | sqlite3 "$db" >/dev/null
  echo "loaded in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-6) s ($(du -h "$db" | cut -f1))"
fi

./otklik serve --db "$db" --urls "$base" >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$base/api/info" >/dev/null && break; sleep 0.5; done
server_pid=$(pgrep -P $pid -f Otklik.Cli.dll || echo $pid)
jar="$dir/cookies"
curl -sf -c "$jar" -H 'Content-Type: application/json' -d '{"name":"bench","password":"bench-password-1"}' "$base/api/auth/sign-in" >/dev/null

# The SLA pass runs at start (reminders and escalations for every overdue open case): let it finish, as a running
# server would have, then warm up.
sleep "${BENCH_SETTLE:-20}"
first=$(curl -sf -b "$jar" -o /dev/null -w '%{time_total}' "$base/api/analytics/dashboard")
echo "first dashboard call (rollups built or brought up to date): ${first} s"

measure() { # name, path
  local times
  times=$(for _ in $(seq 1 "$reps"); do curl -sf -b "$jar" -o /dev/null -w '%{time_total}\n' "$base$2"; done | sort -n)
  local p50 p95 max
  p50=$(echo "$times" | awk -v r="$reps" 'NR==int(r*0.5+0.5){printf "%.1f", $1*1000}')
  p95=$(echo "$times" | awk -v r="$reps" 'NR==int(r*0.95+0.5){printf "%.1f", $1*1000}')
  max=$(echo "$times" | tail -1 | awk '{printf "%.1f", $1*1000}')
  printf '%-58s p50 %7s ms   p95 %7s ms   max %7s ms\n' "$1" "$p50" "$p95" "$max"
}

echo "== $n cases, $reps calls each (ms, curl time_total on loopback)"
measure "inbox first page (newest, 50)" "/api/cases?limit=50"
measure "inbox: open statuses, sort by due" "/api/cases?limit=50&status=new,assigned,inProgress,reopened&sort=due"
measure "inbox: overdue" "/api/cases?limit=50&overdue=true"
measure "inbox: needs an operator (status new)" "/api/cases?limit=50&status=new"
measure "inbox: topic group + city" "/api/cases?limit=50&topicGroup=%D0%94%D0%BE%D1%80%D0%BE%D0%B3%D0%B8&city=%D0%9A%D1%83%D1%80%D1%81%D0%BA"
measure "inbox: full-text search (\"фонарь\")" "/api/cases?limit=50&q=%D1%84%D0%BE%D0%BD%D0%B0%D1%80%D1%8C"
measure "dashboard (default: 12 weeks)" "/api/analytics/dashboard"
measure "dashboard: a year" "/api/analytics/dashboard?from=2025-11-30&to=2026-11-29"
measure "dashboard: a year, one topic group" "/api/analytics/dashboard?from=2025-11-30&to=2026-11-29&topicGroup=%D0%94%D0%BE%D1%80%D0%BE%D0%B3%D0%B8"
echo "server peak memory: $(grep VmHWM /proc/$server_pid/status | awk '{printf "%.0f MB", $2/1024}')"
