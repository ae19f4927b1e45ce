#!/usr/bin/env bash
# Ingest A/B (issue 5): an old commit's code and this tree's, back to back, each on its own copy of the same stores, so
# neither the host's speed of the day nor the drift of a store that took earlier ingests decides the comparison.
#   flock -o /work/cpu.lock bench/server/ab-ingest.sh OLD_COMMIT SQLITE_DB [PG_CLUSTER_DIR]
# SQLITE_DB: a seeded 1M bench.db (bench/server/run.sh); PG_CLUSTER_DIR: a directory holding a seeded cluster's data/
# (a PGDIR of run.sh). Both are copied, never written. The old code must read the stores' schema version (copy stores
# made before its newest migration). Results: bench/out/ab-ingest/{old,new}/summary.txt; prints the ingest lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
old=${1:?old commit}; sqlite_db=${2:?seeded SQLite bench.db}; pg_src=${3:-}
out=$root/bench/out/ab-ingest
tree=$(mktemp -d /tmp/otklik-ab.XXXXXX)
trap 'rm -rf "$tree" /var/tmp/otklik-ab-old-pg /var/tmp/otklik-ab-new-pg' EXIT
chmod 755 "$tree"  # PostgreSQL's tools run as postgres from the old tree
git archive "$old" | tar -x -C "$tree"
# The old tree's run.sh builds its own CLI; shared data resolves as ../shared from it.
[ -e "$(dirname "$tree")/shared" ] || ln -s "$(dirname "$root")/shared" "$(dirname "$tree")/shared"
rm -rf "$out"; mkdir -p "$out/old" "$out/new"
for side in old new; do cp "$sqlite_db" "$out/$side/bench.db"; done
if [ -n "$pg_src" ]; then for side in old new; do cp -a "$pg_src" /var/tmp/otklik-ab-$side-pg; done; fi
run() { # side dir backend
  local pg=()
  [ "$3" = postgres ] && pg=(PGDIR=/var/tmp/otklik-ab-$1-pg)
  (cd "$2" && env BACKENDS="$3" INGEST_ONLY=1 REUSE=1 DURATION=${DURATION:-10s} OUT="$out/$1" "${pg[@]}" PORT=5671 PGPORT=5672 bench/server/run.sh >/dev/null)
}
backends=sqlite; [ -n "$pg_src" ] && backends="sqlite postgres"
for backend in $backends; do
  run old "$tree" "$backend"
  run new "$root" "$backend"
done
for side in old new; do echo "== $side"; grep -E 'ingest (batch|CPU per)' "$out/$side/summary.txt"; done
