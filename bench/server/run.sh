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
#   INGEST_ONLY=1 bench/server/run.sh        # only the ingest part (skips the list and detail runs)
#   INGEST_WARMUP=20s …                      # unrecorded ingest run before the measured one (default 20s since 30 Nov, 5s before; 0: none, as before 2026-11-29 23:20)
#   TIMED_ONLY=1 SKIP_INGEST=1 …             # only the timed inbox and dashboard calls (no wrk runs); each line also gives the server's CPU per call
#   MODEL=1 bench/server/run.sh              # the server classifies with the text model (trained once into bench/out/server/model)
#   PORT=5091 PGPORT=5498 bench/server/run.sh  # other ports for the server and the throwaway PostgreSQL
#   PROFILE=1 bench/server/run.sh            # PostgreSQL: the statements that took the most time during ingest (pg_stat_statements)
#   PERF=1 …                                 # perf record -g of the server (and PostgreSQL's backends) during the measured ingest:
#                                            # $OUT/$backend-perf.txt (top symbols, JIT-compiled code named via DOTNET_PerfMapEnabled)
# Before the measured pages a "search index" line gives what a search reads besides its terms: the FTS5 index's segments
# (bench/server/fts5-segments.py) or the GIN index's pending list (pgstattuple, created in the bench database).
# The ingest lines give CPU per 1,000 messages of the server and (PostgreSQL) of the database cluster: all its processes.
#   SERVE_ENV="DOTNET_gcConcurrent=1" …     # extra environment for the server (a runtime setting to compare)
#   CONNS="8 2" …                            # wrk connection counts, one run each (default: saturation and one per core)
#   WARMUP=3s …                              # an unrecorded wrk run on each URL before its measured runs (and one on every URL before the first is measured)
#   LABELS=0 bench/server/run.sh             # messages come without topic/body labels (the model decides; needs MODEL=1 to be meaningful)
#   PAGES='overdue|full-text' …              # only the wrk URLs whose name matches this extended regex (an A/B of a few pages)
#   SKIP_TIMED=1 …                           # no curl-timed inbox and dashboard calls (wrk runs only)
#   PG_OPTS="-c jit=on" …                    # more settings for the throwaway PostgreSQL cluster (an A/B of a server setting)
#   PG_CONN="Maximum Pool Size=50" …         # more connection-string keywords for the server (an A/B of a client setting)
# The ingest rate counts only messages that reached a case (a new one or one they joined) by the time it is measured,
# divided by the wall time from wrk's start to that count; messages stored but still pending are reported beside it.
# REUSE=1 on a database seeded before migration 10 rebuilds the SQLite search index once (about 15 s per million messages,
# on the first CLI call, before any timing).
# Needs wrk, sqlite3, PostgreSQL binaries (Debian packages), the .NET SDK. Runs as root (PostgreSQL as user postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out=${OUT:-$root/bench/out/server}
mkdir -p "$out"
DURATION=${DURATION:-20s}
CONNS=${CONNS:-"8 2"}   # wrk connection counts, each run in turn: 8 saturates 2 cores, 2 is one per core
BACKENDS=${BACKENDS:-"sqlite postgres"}
export BATCH=${BATCH:-500}
export LABELS=${LABELS:-1}
INGEST_CONNS=${INGEST_CONNS:-4}
summary=$out/summary.txt
echo "# Otklik server benchmark $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c{$CONNS} -d$DURATION; ingest batches of $BATCH on $INGEST_CONNS connections, labels $LABELS, model ${MODEL:-0}; $BACKENDS; $(git rev-parse --short HEAD 2>/dev/null)" >> "$summary"

dotnet build src/Otklik.Cli/Otklik.Cli.csproj -c Release -v q --nologo >/dev/null
cli=(dotnet "$root/src/Otklik.Cli/bin/Release/net10.0/Otklik.Cli.dll")
# The processor logs each batch at Debug (messages, time, analysis time): the bench sums them to say where the time goes.
serve_env=("Logging__LogLevel__Otklik.Processing.MessageProcessor=Debug")
# SERVE_ENV="DOTNET_GCgen0size=0x4000000 …": more environment for the server (runtime knobs for an A/B run).
read -r -a extra_env <<< "${SERVE_ENV:-}"
serve_env+=("${extra_env[@]}")
[ "${PERF:-0}" = 1 ] && serve_env+=(DOTNET_PerfMapEnabled=1)
if [ "${MODEL:-0}" = 1 ]; then
  # The server looks for otklik.model in its data folder; a folder of the bench's own keeps ./data untouched.
  modeldir=$out/model
  if [ ! -f "$modeldir/otklik.model" ]; then
    mkdir -p "$modeldir"
    "${cli[@]}" train --data data/demo/kursk-appeals.csv --out "$modeldir/otklik.model" > "$out/train.log"
  fi
  serve_env+=(OTKLIK_DATA_DIR="$modeldir")
fi
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }                    # utime + stime of a process, in clock ticks
thread_ticks() { # a process's CPU ticks by thread name (spaces as _), sorted for join; the name in stat may hold spaces, so fields count after its ")"
  local t
  for t in /proc/"$1"/task/*; do printf '%s %s\n' "$(tr ' ' '_' < "$t/comm")" "$(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}')"; done 2>/dev/null \
    | awk '{a[$1] += $2} END {for (k in a) print k, a[k]}' | sort
}
db_ticks() { # PostgreSQL's CPU ticks (0 on SQLite): the postmaster, its live backends, and what its exited children used
  [ "$backend" = postgres ] || { echo 0; return; }
  local pm
  pm=$(head -1 "$pgdir/data/postmaster.pid" 2>/dev/null) || true
  if [ -z "$pm" ]; then echo 0; return; fi
  # A backend may exit between the listing and the read: every step tolerates a vanished process.
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat" 2>/dev/null || true; for c in $(cat "/proc/$pm/task/$pm/children" 2>/dev/null || true); do cpu_ticks "$c" 2>/dev/null || true; done; } | awk '{s += $1} END {print s + 0}'
}
busy_idle() { awk '/^cpu / {print $2+$3+$4+$7+$8, $5+$6}' /proc/stat; }    # the machine's busy and idle ticks
enc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$1"; }

wait_up() {
  for _ in $(seq 1 120); do curl -sf "$1/api/info" >/dev/null && return 0; sleep 0.5; done
  echo "server did not start; see its log" >&2; return 1
}

measure() { # name url key: one wrk run per connection count in CONNS
  local c
  if [ -n "${PAGES:-}" ] && ! [[ $1 =~ ${PAGES} ]]; then return 0; fi
  # Unrecorded warm-up first: the JIT compiles hot code again with profile data after its first ~30 calls, and the
  # first URL measured used to pay that (up to 3x the server CPU per request of the same page later).
  KEY=$3 wrk -t1 -c2 -d"${WARMUP:-3s}" -s bench/server/key.lua "$2" > /dev/null
  [ "${phase:-measure}" = warm ] && return 0
  for c in $CONNS; do
    local file=$out/$backend-$1-c$c.txt ticks0 ticks1 db0 db1
    ticks0=$(cpu_ticks "$pid"); db0=$(db_ticks)
    KEY=$3 wrk -t"$(( c < 2 ? c : 2 ))" -c"$c" -d"$DURATION" --timeout 10s --latency -s bench/server/key.lua "$2" > "$file"
    ticks1=$(cpu_ticks "$pid"); db1=$(db_ticks)
    local rps p50 p99 reqs
    rps=$(awk '/Requests\/sec/ {print $2}' "$file")
    reqs=$(awk '/requests in/ {print $1}' "$file")
    p50=$(awk '$1=="50%" {print $2}' "$file")
    p99=$(awk '$1=="99%" {print $2}' "$file")
    # The server's own CPU per request (user+sys from /proc), and PostgreSQL's (its processes' ticks; 0 on SQLite).
    printf '%-10s %-28s c%-3s %10s req/s   p50 %8s   p99 %8s   server cpu %5.2f ms/req   db cpu %5.2f ms/req\n' "$backend" "$1" "$c" "$rps" "$p50" "$p99" \
      "$(echo "($ticks1 - $ticks0) * 1000 / $(getconf CLK_TCK) / ${reqs:-1}" | bc -l)" \
      "$(echo "($db1 - $db0) * 1000 / $(getconf CLK_TCK) / ${reqs:-1}" | bc -l)" | tee -a "$summary"
  done
}

timed() { # name url key: R sequential calls, server time as curl's time_total (ms), and the server's CPU per call
  local times ticks0 ticks1 calls=${R:-20}
  ticks0=$(cpu_ticks "$pid")
  times=$(for _ in $(seq 1 "$calls"); do curl -sf --max-time "${MAX_TIME:-15}" -H "X-Api-Key: $3" -o /dev/null -w '%{time_total}\n' "$2" || true; done | sort -n)
  ticks1=$(cpu_ticks "$pid")
  printf '%-10s %-42s %s   cpu %6.1f ms/call\n' "$backend" "$1" "$(echo "$times" | awk '{t[NR]=$1*1000} END {printf "p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms", t[int(NR*0.5+0.5)], t[int(NR*0.95+0.5)], t[NR]}')" \
    "$(echo "($ticks1 - $ticks0) * 1000 / $(getconf CLK_TCK) / $calls" | bc -l)" | tee -a "$summary"
}

timed_calls() { # base admin-key executor-key
  local first
  first=$(curl -sf --max-time 900 -H "X-Api-Key: $2" -o /dev/null -w '%{time_total}' "$1/api/analytics/dashboard?from=2025-01-01&to=2025-12-31" || echo failed)
  printf '%-10s %-42s %s s\n' "$backend" "dashboard first call (builds rollups)" "$first" | tee -a "$summary"
  # What the server burns with no request (its workers: SLA pass, processing poll), so per-call CPU can be read net of it.
  # Two windows, with the threads that used it (by name: thread-pool workers run the workers' passes and requests,
  # "Tiered Compilation" is the JIT re-compiling hot code, GC threads collect): the first catches what a burst leaves behind.
  local idle0 idle1 window threads0 threads1
  for window in 1 2; do
    threads0=$(thread_ticks "$pid"); idle0=$(cpu_ticks "$pid"); sleep 5; idle1=$(cpu_ticks "$pid"); threads1=$(thread_ticks "$pid")
    printf '%-10s %-42s %s ms per second  (%s)\n' "$backend" "server CPU while idle, window $window" \
      "$(echo "($idle1 - $idle0) * 1000 / $(getconf CLK_TCK) / 5" | bc -l | xargs printf '%.0f')" \
      "$(join -a 2 -e 0 -o 0,1.2,2.2 <(echo "$threads0") <(echo "$threads1") | awk -v hz="$(getconf CLK_TCK)" '$3 > $2 {printf "%s%s %d ms", sep, $1, ($3 - $2) * 1000 / hz; sep = ", "}')" | tee -a "$summary"
  done
  timed "inbox first page (newest)" "$1/api/cases?limit=50" "$2"
  timed "inbox open by due" "$1/api/cases?limit=50&status=new,assigned,inProgress,reopened&sort=due" "$2"
  timed "inbox overdue" "$1/api/cases?limit=50&overdue=true" "$2"
  timed "inbox needs operator (new)" "$1/api/cases?limit=50&status=new" "$2"
  timed "inbox full-text q" "$1/api/cases?limit=50&q=$(enc 'фонари')" "$2"
  timed "dashboard (default 12 weeks)" "$1/api/analytics/dashboard" "$2"
  timed "dashboard a year" "$1/api/analytics/dashboard?from=2025-01-01&to=2025-12-31" "$2"
  timed "dashboard a year, one topic group" "$1/api/analytics/dashboard?from=2025-01-01&to=2025-12-31&topicGroup=5" "$2"
  timed "dashboard 4 weeks, one city" "$1/api/analytics/dashboard?from=2025-11-01&to=2025-11-28&city=$(enc 'Льгов')" "$2"
  timed "dashboard a year, one city" "$1/api/analytics/dashboard?from=2025-01-01&to=2025-12-31&city=$(enc 'Льгов')" "$2"
  timed "dashboard a year, one body" "$1/api/analytics/dashboard?from=2025-01-01&to=2025-12-31&bodyId=7" "$2"
  timed "dashboard a year, region 46" "$1/api/analytics/dashboard?from=2025-01-01&to=2025-12-31&region=46" "$2"
  timed "dashboard 4 weeks, group + city" "$1/api/analytics/dashboard?from=2025-11-01&to=2025-11-28&topicGroup=5&city=$(enc 'Курск')" "$2"
  timed "executor dashboard a year (body 7)" "$1/api/analytics/dashboard?from=2025-01-01&to=2025-12-31" "$3"
}

pages() { # the wrk URLs: each is warmed up (phase=warm) or measured (phase=measure)
  measure "list status+body" "$base/api/cases?status=assigned&bodyId=7" "$admin"
  # The seed's topic fixes its status (161 topics = 7 x 23): topic 5 holds only rejected cases, so "new" was an empty page.
  measure "list topic+status" "$base/api/cases?topic=$(enc 'Тема 5')&status=rejected" "$admin"
  measure "list overdue" "$base/api/cases?overdue=true" "$admin"
  measure "list city+period" "$base/api/cases?city=$(enc 'Льгов')&from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z" "$admin"
  measure "list full-text q" "$base/api/cases?q=$(enc 'фонари')" "$admin"
  measure "list full-text q+status" "$base/api/cases?q=$(enc 'фонари')&status=assigned" "$admin"
  if [ -z "${PAGES:-}" ] || [[ "list full-text q, page 2" =~ ${PAGES} ]]; then
    local cursor
    cursor=$(curl -sf -H "X-Api-Key: $admin" "$base/api/cases?q=$(enc 'фонари')" | python3 -c 'import json, sys; print(json.load(sys.stdin)["nextCursor"])')
    measure "list full-text q, page 2" "$base/api/cases?q=$(enc 'фонари')&cursor=$cursor" "$admin"
  fi
  measure "executor full-text q" "$base/api/cases?q=$(enc 'фонари')" "$exec"
  measure "executor inbox by due" "$base/api/cases?sort=due&status=assigned" "$exec"
  measure "case detail" "$base/api/cases/500000" "$admin"
}

index_state() { # what a search reads besides its terms: FTS5's segments, the GIN index's unsorted pending list
  local state
  if [ "$backend" = sqlite ]; then
    state=$(python3 bench/server/fts5-segments.py "$db" 2>&1 || true)
  else
    state="$(count "CREATE EXTENSION IF NOT EXISTS pgstattuple; SELECT pending_pages || ' GIN pending pages, ' || pending_tuples || ' tuples' FROM pgstatginindex('messages_tsv')" 2>&1 | tail -1 || true)"
  fi
  printf '%-10s %-28s %s\n' "$backend" "search index" "$state" | tee -a "$summary"
}

bench_backend() { # db count_sql
  local db=$1 port=${PORT:-5090}
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
  env "${serve_env[@]}" "${cli[@]}" serve --db "$db" --urls "$base" > "$out/$backend-server.log" 2>&1 &
  local pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  wait_up "$base"
  curl -s -o /dev/null -w "warm-up %{http_code}\n" -H "X-Api-Key: $admin" "$base/api/cases?limit=1" || true
  if [ "${INGEST_ONLY:-0}" != 1 ] && [ "${TIMED_ONLY:-0}" != 1 ]; then
    # Every URL once, unrecorded, before any is measured: the runtime re-compiles shared hot code (JSON, Npgsql, the
    # list's SQL building) with profile data for a while after start, and the first URL measured paid it all (PostgreSQL
    # status+body: 4.2 ms server CPU per request as the first URL, against 1–1.6 ms for lists measured after it).
    phase=warm; pages
    index_state
    phase=measure; pages
  fi
  if [ "${INGEST_ONLY:-0}" != 1 ] && [ "${SKIP_TIMED:-0}" != 1 ]; then timed_calls "$base" "$admin" "$exec"; fi
  if [ "${SKIP_INGEST:-0}" != 1 ]; then
  # One small batch first: the model analyzer loads its gazetteer at first use, which is not ingest time.
  curl -s -o /dev/null -w "ingest warm-up %{http_code}\n" -H "X-Api-Key: $admin" -H "Content-Type: application/json" \
    -d '{"messages":[{"channel":"warm-up","externalId":"'$RANDOM$RANDOM'","text":"Не горят фонари на улице Ленина","topic":"Освещение","body":"Орган 1"}]}' \
    "$base/api/messages/batch" || true
  # Unrecorded ingest warm-up (INGEST_WARMUP, default 20s; 0 skips it), as for the list pages: the JIT re-compiles the hot
  # path with profile data during the first seconds of a burst (a perf profile of a cold 20 s run: 38% of the server's
  # CPU was the tiered-compilation thread). With a 5 s warm-up it still was 53% of the server's samples in the measured
  # 10 s on PostgreSQL (perf, 30 Nov), 2% after 25 s: hence 20 s. The pause keeps the measured run's message ids (per
  # second) apart from it.
  if [ "${INGEST_WARMUP:-20s}" != 0 ]; then
    KEY=$admin wrk -t2 -c"$INGEST_CONNS" -d"${INGEST_WARMUP:-20s}" --timeout 60s -s bench/server/ingest.lua "$base/api/messages/batch" > /dev/null
    sleep 1
  fi
  local cases_before cases_after stored_before stored_after done_before done_after pending
  cases_before=$(count "SELECT count(*) FROM cases")
  stored_before=$(count "SELECT count(*) FROM messages WHERE channel = 'wrk'")
  done_before=$(count "SELECT count(*) FROM messages WHERE channel = 'wrk' AND case_id IS NOT NULL")
  local ticks0 machine0 t0 t1 dbticks0 dbticks1
  [ "${PROFILE:-0}" = 1 ] && [ "$backend" = postgres ] && count "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" >/dev/null
  ticks0=$(cpu_ticks "$pid"); dbticks0=$(db_ticks); machine0=$(busy_idle); t0=$(date +%s.%N)
  local perf_pid=
  if [ "${PERF:-0}" = 1 ]; then
    # The server, and on PostgreSQL every process of the cluster (its backends do the writer's statements).
    local targets=$pid
    [ "$backend" = postgres ] && targets="$targets,$(pgrep -d, -P "$(head -1 "$pgdir/data/postmaster.pid")")"
    perf record -F 499 -g -p "$targets" -o "$out/$backend-perf.data" -- sleep "${DURATION%s}" 2> /dev/null &
    perf_pid=$!
  fi
  KEY=$admin wrk -t2 -c"$INGEST_CONNS" -d"$DURATION" --timeout 60s --latency -s bench/server/ingest.lua "$base/api/messages/batch" > "$out/$backend-ingest.txt"
  done_after=$(count "SELECT count(*) FROM messages WHERE channel = 'wrk' AND case_id IS NOT NULL")
  t1=$(date +%s.%N)
  local ticks1 machine1 load
  ticks1=$(cpu_ticks "$pid"); dbticks1=$(db_ticks); machine1=$(busy_idle); load=$(cut -d' ' -f1-3 /proc/loadavg)
  if [ -n "$perf_pid" ]; then
    wait "$perf_pid" || true
    { perf report -i "$out/$backend-perf.data" --no-children -g none --sort comm --stdio 2> /dev/null | grep -v '^$' | head -30
      perf report -i "$out/$backend-perf.data" --no-children -g none --sort dso,sym --percent-limit 0.3 --stdio 2> /dev/null | grep -v '^$' | head -150
    } > "$out/$backend-perf.txt" || true
  fi
  if [ "${PROFILE:-0}" = 1 ] && [ "$backend" = postgres ]; then
    count "SELECT calls, round(total_exec_time) AS ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12" \
      > "$out/postgres-statements.txt"
  fi
  stored_after=$(count "SELECT count(*) FROM messages WHERE channel = 'wrk'")
  cases_after=$(count "SELECT count(*) FROM cases")
  pending=$(count "SELECT count(*) FROM messages WHERE case_id IS NULL")
  local secs processed stored p50 p99 non2xx
  secs=$(echo "$t1 - $t0" | bc -l)
  processed=$((done_after - done_before)); stored=$((stored_after - stored_before))
  p50=$(awk '$1=="50%" {print $2}' "$out/$backend-ingest.txt")
  p99=$(awk '$1=="99%" {print $2}' "$out/$backend-ingest.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$out/$backend-ingest.txt")
  printf '%-10s %-28s %10.0f msg/s  (%s messages reached cases in %.1f s: %s new cases; %s stored; %s left pending; batch p50 %s p99 %s; non-2xx %s)\n' \
    "$backend" "ingest batch→cases" "$(echo "$processed / $secs" | bc -l)" "$processed" "$secs" "$((cases_after - cases_before))" \
    "$stored" "$pending" "$p50" "$p99" "${non2xx:-0}" | tee -a "$summary"
  printf '%-10s %-28s server %.2f cores; machine busy %.0f%%; load average %s\n' "$backend" "ingest CPU" \
    "$(echo "($ticks1 - $ticks0) / $(getconf CLK_TCK) / $secs" | bc -l)" \
    "$(echo "$machine0 $machine1" | awk '{b=$3-$1; i=$4-$2; print 100*b/(b+i)}')" "$load" | tee -a "$summary"
  # CPU per 1,000 messages that reached cases: what stays comparable when other work shares the machine.
  printf '%-10s %-28s server %.0f ms, database %.0f ms per 1,000 messages (database %.2f cores)\n' "$backend" "ingest CPU per message" \
    "$(echo "($ticks1 - $ticks0) * 1000000 / $(getconf CLK_TCK) / ($processed + 1)" | bc -l)" \
    "$(echo "($dbticks1 - $dbticks0) * 1000000 / $(getconf CLK_TCK) / ($processed + 1)" | bc -l)" \
    "$(echo "($dbticks1 - $dbticks0) / $(getconf CLK_TCK) / $secs" | bc -l)" | tee -a "$summary"
  awk '/Processed [0-9]+ messages in/ {
      for (i = 1; i <= NF; i++) { if ($i == "Processed") n += $(i+1); if ($i == "in") t += $(i+1); if ($i == "analysis") a += $(i+1) }
      b++ }
    END { if (b) printf "%-10s %-28s %d batches, %.0f ms per batch, %.0f%% of it analysis: %.0f texts/s analyzed on all cores\n",
      be, "processing", b, t / b, 100 * a / t, (a > 0 ? 1000 * n / a : 0) }' be="$backend" "$out/$backend-server.log" | tee -a "$summary"
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
      runuser -u postgres -- "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p ${PGPORT:-5499} -k $pgdir -c listen_addresses=127.0.0.1 -c shared_buffers=256MB ${PG_OPTS:-}$([ "${PROFILE:-0}" = 1 ] && echo " -c shared_preload_libraries=pg_stat_statements")" start >/dev/null
      [ $fresh = 0 ] || runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p ${PGPORT:-5499} -U postgres bench
      db="Host=127.0.0.1;Port=${PGPORT:-5499};Database=bench;Username=postgres;${PG_CONN:-Maximum Pool Size=50}"
      seed() { runuser -u postgres -- "$bin/psql" -q -h 127.0.0.1 -p ${PGPORT:-5499} -U postgres -d bench -f "$root/bench/server/seed-postgres.sql" >/dev/null; }
      count() { runuser -u postgres -- "$bin/psql" -At -h 127.0.0.1 -p ${PGPORT:-5499} -U postgres -d bench -c "$1"; }
      bench_backend "$db"
      ;;
  esac
done
echo "load average after the run: $(cut -d" " -f1-3 /proc/loadavg)" | tee -a "$summary"
echo "summary: $summary"
