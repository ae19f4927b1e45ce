#!/usr/bin/env bash
# Server benchmark (issue 5): 1,000,000 cases in SQLite and in PostgreSQL; wrk against filtered first pages of the case
# list and against case detail (requests/s, p50/p99), the server's peak memory, and the ingest rate of messages through
# the HTTP batch endpoint into cases. Results: bench/out/server/summary.txt (raw wrk output beside it).
#   bench/server/run.sh                      # both backends
#   BACKENDS=sqlite DURATION=10s REUSE=1 bench/server/run.sh   # REUSE=1 keeps an already seeded SQLite file
#   SKIP_INGEST=1 …                          # reads only (the ingest part adds cases, so REUSE runs drift without it)
#   OUT=dir …  (default bench/out/server)    # where results and the SQLite file go
#   PGDIR=/var/tmp/otklik-bench-pg …         # keep the PostgreSQL cluster there (REUSE=1 then reuses it too)
# Besides wrk it times the web workspace's heavy calls with curl (R=20 calls each; server time on loopback): the
# inbox's first pages and the analytics dashboard (the first dashboard call builds the rollups and is shown apart).
# Needs wrk, sqlite3, PostgreSQL binaries (Debian packages), the .NET SDK. Runs as root (PostgreSQL as user postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out=${OUT:-$root/bench/out/server}
mkdir -p "$out"
DURATION=${DURATION:-20s}
CONNS=${CONNS:-8}
BACKENDS=${BACKENDS:-"sqlite postgres"}
export BATCH=${BATCH:-500}
summary=$out/summary.txt
echo "# Otklik server benchmark $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c$CONNS -d$DURATION; ingest batches of $BATCH; $BACKENDS" >> "$summary"

dotnet build src/Otklik.Cli/Otklik.Cli.csproj -c Release -v q --nologo >/dev/null
cli=(dotnet "$root/src/Otklik.Cli/bin/Release/net10.0/Otklik.Cli.dll")
enc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$1"; }

wait_up() {
  for _ in $(seq 1 120); do curl -sf "$1/api/info" >/dev/null && return 0; sleep 0.5; done
  echo "server did not start; see its log" >&2; return 1
}

measure() { # name url key
  local file=$out/$backend-$1.txt
  KEY=$3 wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s --latency -s bench/server/key.lua "$2" > "$file"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$file")
  p50=$(awk '$1=="50%" {print $2}' "$file")
  p99=$(awk '$1=="99%" {print $2}' "$file")
  printf '%-10s %-28s %10s req/s   p50 %8s   p99 %8s\n' "$backend" "$1" "$rps" "$p50" "$p99" | tee -a "$summary"
}

timed() { # name url key: R sequential calls, server time as curl's time_total (ms)
  local times
  times=$(for _ in $(seq 1 "${R:-20}"); do curl -sf --max-time "${MAX_TIME:-15}" -H "X-Api-Key: $3" -o /dev/null -w '%{time_total}\n' "$2" || true; done | sort -n)
  printf '%-10s %-42s %s\n' "$backend" "$1" "$(echo "$times" | awk '{t[NR]=$1*1000} END {printf "p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms", t[int(NR*0.5+0.5)], t[int(NR*0.95+0.5)], t[NR]}')" | tee -a "$summary"
}

timed_calls() { # base key
  local first
  first=$(curl -sf --max-time 900 -H "X-Api-Key: $2" -o /dev/null -w '%{time_total}' "$1/api/analytics/dashboard?from=2025-01-01&to=2025-12-31" || echo failed)
  printf '%-10s %-42s %s s\n' "$backend" "dashboard first call (builds rollups)" "$first" | tee -a "$summary"
  timed "inbox first page (newest)" "$1/api/cases?limit=50" "$2"
  timed "inbox open by due" "$1/api/cases?limit=50&status=new,assigned,inProgress,reopened&sort=due" "$2"
  timed "inbox overdue" "$1/api/cases?limit=50&overdue=true" "$2"
  timed "inbox needs operator (new)" "$1/api/cases?limit=50&status=new" "$2"
  timed "inbox full-text q" "$1/api/cases?limit=50&q=$(enc 'фонари')" "$2"
  timed "dashboard (default 12 weeks)" "$1/api/analytics/dashboard" "$2"
  timed "dashboard a year" "$1/api/analytics/dashboard?from=2025-01-01&to=2025-12-31" "$2"
  timed "dashboard a year, one topic group" "$1/api/analytics/dashboard?from=2025-01-01&to=2025-12-31&topicGroup=5" "$2"
  timed "dashboard 4 weeks, one city" "$1/api/analytics/dashboard?from=2025-11-01&to=2025-11-28&city=$(enc 'Льгов')" "$2"
}

bench_backend() { # db count_sql
  local db=$1 port=5090
  local base=http://127.0.0.1:$port
  if [ "${REUSE:-0}" = 1 ] && [ "$(count "SELECT count(*) FROM cases" 2>/dev/null || echo 0)" -ge 1000000 ]; then
    echo "$backend: reusing the seeded database" | tee -a "$summary"
  else
    "${cli[@]}" stats --db "$db" >/dev/null  # creates and migrates the schema
    echo "seeding 1,000,000 cases into $backend…"
    local t0=$SECONDS
    seed
    echo "$backend: seeded in $((SECONDS - t0)) s" | tee -a "$summary"
  fi
  local admin exec suffix=$RANDOM
  admin=$(OTKLIK_PASSWORD=bench-password-1 "${cli[@]}" users add --name "bench-admin-$suffix" --role admin --api-key --db "$db" | awk '/API key/ {print $NF}')
  exec=$(OTKLIK_PASSWORD=bench-password-1 "${cli[@]}" users add --name "bench-exec-$suffix" --role executor --body 7 --api-key --db "$db" | awk '/API key/ {print $NF}')
  "${cli[@]}" serve --db "$db" --urls "$base" > "$out/$backend-server.log" 2>&1 &
  local pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  wait_up "$base"
  curl -s -o /dev/null -w "warm-up %{http_code}\n" -H "X-Api-Key: $admin" "$base/api/cases?limit=1" || true
  measure "list status+body" "$base/api/cases?status=assigned&bodyId=7" "$admin"
  measure "list topic+status" "$base/api/cases?topic=$(enc 'Тема 5')&status=new" "$admin"
  measure "list overdue" "$base/api/cases?overdue=true" "$admin"
  measure "list city+period" "$base/api/cases?city=$(enc 'Льгов')&from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z" "$admin"
  measure "list full-text q" "$base/api/cases?q=$(enc 'фонари')" "$admin"
  measure "executor inbox by due" "$base/api/cases?sort=due&status=assigned" "$exec"
  measure "case detail" "$base/api/cases/500000" "$admin"
  timed_calls "$base" "$admin"
  if [ "${SKIP_INGEST:-0}" != 1 ]; then
    local before after cases_before cases_after
    cases_before=$(count "SELECT count(*) FROM cases")
    KEY=$admin wrk -t2 -c4 -d"$DURATION" --timeout 60s -s bench/server/ingest.lua "$base/api/messages/batch" > "$out/$backend-ingest.txt"
    local rps
    rps=$(awk '/Requests\/sec/ {print $2}' "$out/$backend-ingest.txt")
    cases_after=$(count "SELECT count(*) FROM cases")
    local pending
    pending=$(count "SELECT count(*) FROM messages WHERE case_id IS NULL")
    printf '%-10s %-28s %10.0f msg/s  (%s new cases; %s messages left pending)\n' "$backend" "ingest batch→cases" \
      "$(echo "$rps * $BATCH" | bc -l)" "$((cases_after - cases_before))" "$pending" | tee -a "$summary"
  fi
  local peak
  peak=$(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")
  printf '%-10s %-28s %s\n' "$backend" "server peak memory" "$peak" | tee -a "$summary"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for backend in $BACKENDS; do
  case $backend in
    sqlite)
      db=$out/bench.db
      [ "${REUSE:-0}" = 1 ] || rm -f "$db" "$db-wal" "$db-shm"
      seed() { sqlite3 "$db" < bench/server/seed-sqlite.sql >/dev/null; }
      count() { sqlite3 "$db" "$1"; }
      bench_backend "$db"
      ;;
    postgres)
      bin=$(ls -d /usr/lib/postgresql/*/bin | sort | tail -1)
      if [ -n "${PGDIR:-}" ]; then
        pgdir=$PGDIR
        [ "${REUSE:-0}" = 1 ] && [ -d "$pgdir/data" ] || { rm -rf "$pgdir"; mkdir -p "$pgdir"; }
        trap 'runuser -u postgres -- "$bin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1' EXIT
      else
        pgdir=$(mktemp -d /tmp/otklik-bench-pg.XXXXXX)
        trap 'runuser -u postgres -- "$bin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1; rm -rf "$pgdir"' EXIT
      fi
      chown postgres:postgres "$pgdir"
      fresh=0
      [ -d "$pgdir/data" ] || { runuser -u postgres -- "$bin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null; fresh=1; }
      runuser -u postgres -- "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p 5499 -k $pgdir -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" start >/dev/null
      [ $fresh = 0 ] || runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p 5499 -U postgres bench
      db="Host=127.0.0.1;Port=5499;Database=bench;Username=postgres;Maximum Pool Size=50"
      seed() { runuser -u postgres -- "$bin/psql" -q -h 127.0.0.1 -p 5499 -U postgres -d bench -f "$root/bench/server/seed-postgres.sql" >/dev/null; }
      count() { runuser -u postgres -- "$bin/psql" -At -h 127.0.0.1 -p 5499 -U postgres -d bench -c "$1"; }
      bench_backend "$db"
      ;;
  esac
done
echo "load average after the run: $(cut -d" " -f1-3 /proc/loadavg)" | tee -a "$summary"
echo "summary: $summary"
