#!/usr/bin/env bash
# Read A/B (issue 5): the wrk pages of an old commit's code and this tree's, back to back, each on its own copy of the
# same stores (a migration the new code runs then lands on its copy only), so the host's load of the moment decides
# less than in two separate runs.
#   flock -o /work/cpu.lock bench/server/ab-reads.sh OLD_COMMIT SQLITE_DB [PG_CLUSTER_DIR]
#   PAGES='full-text' DURATION=10s …   # which wrk pages (run.sh's PAGES), how long each
# SQLITE_DB: a seeded 1M bench.db; PG_CLUSTER_DIR: a directory holding a seeded cluster's data/ (a PGDIR of run.sh).
# Both are copied, never written; the old code must read their schema version. Results:
# bench/out/ab-reads/{old,new}/summary.txt; prints the page lines of both.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
old=${1:?old commit}; sqlite_db=${2:?seeded SQLite bench.db}; pg_src=${3:-}
out=$root/bench/out/ab-reads
tree=$(mktemp -d /tmp/otklik-abr.XXXXXX)
trap 'rm -rf "$tree" /var/tmp/otklik-abr-old-pg /var/tmp/otklik-abr-new-pg' EXIT
chmod 755 "$tree"  # PostgreSQL's tools run as postgres from the old tree
git archive "$old" | tar -x -C "$tree"
[ -e "$(dirname "$tree")/shared" ] || ln -s "$(dirname "$root")/shared" "$(dirname "$tree")/shared"
rm -rf "$out"; mkdir -p "$out/old" "$out/new"
for side in old new; do cp "$sqlite_db" "$out/$side/bench.db"; done
if [ -n "$pg_src" ]; then for side in old new; do cp -a "$pg_src" /var/tmp/otklik-abr-$side-pg; done; fi
run() { # side dir backend
  local pg=()
  [ "$3" = postgres ] && pg=(PGDIR=/var/tmp/otklik-abr-$1-pg)
  (cd "$2" && env BACKENDS="$3" REUSE=1 SKIP_INGEST=1 SKIP_TIMED=1 PAGES="${PAGES:-full-text}" DURATION=${DURATION:-10s} \
    OUT="$out/$1" "${pg[@]}" PORT=5681 PGPORT=5682 bench/server/run.sh >/dev/null)
}
backends=sqlite; [ -n "$pg_src" ] && backends="sqlite postgres"
for backend in $backends; do
  run old "$tree" "$backend"
  run new "$root" "$backend"
done
for side in old new; do echo "== $side"; grep -E '^(sqlite|postgres) ' "$out/$side/summary.txt" | grep -v 'peak memory'; done
